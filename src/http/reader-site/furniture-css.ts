/**
 * The article page's furniture on screen: 當前位置, 字號, tags, 分享, 上一篇/下一篇, 相關新聞,
 * and the list pages. Every control is a target a finger can hit (44 px), and no token breaks
 * inside (a tag, a label, a date).
 */
export const FURNITURE_CSS = `
.breadcrumb{font-size:14px;color:#666;margin:0 0 4px;display:flex;flex-wrap:wrap;align-items:center}
.breadcrumb a,.breadcrumb [aria-current]{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;white-space:nowrap}
.breadcrumb .here,.breadcrumb .crumb-sep{white-space:pre}
.font-size{display:flex;align-items:center;gap:4px;margin:8px 0;font-size:14px;color:#666}
.font-size[hidden],.copy-link[hidden]{display:none}
.font-size .label{white-space:nowrap}
.font-size button{min-width:44px;min-height:44px;border:1px solid #d9c7a8;background:#fff;color:#8a2b1e;border-radius:4px;font:inherit;cursor:pointer}
.font-size button[aria-pressed=true]{background:#8a2b1e;color:#fff;border-color:#8a2b1e}
html.font-s article .body{font-size:1rem}
html.font-l article .body{font-size:1.375rem;line-height:1.9}
.tags{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:16px 0 0}
.tags .label{white-space:nowrap;color:#666;font-size:14px}
.tags a{display:inline-flex;align-items:center;min-height:44px;padding:0 12px;border:1px solid #e2c9a0;border-radius:22px;background:#fff8ec;white-space:nowrap;font-size:14px}
.share{margin:24px 0 0;padding:12px 16px;background:#fff;border:1px solid #e2dccf;display:grid;grid-template-columns:auto 1fr;gap:4px 16px;align-items:start}
.share h2{grid-column:1/-1;font-size:16px;margin:0}
.share-qr{grid-row:span 2;margin:0;width:132px;text-align:center}
.share-qr img{display:block;width:132px;height:132px}
.share-qr figcaption{font-size:12px;color:#666;line-height:1.5;margin-top:4px}
.share p{margin:0}
.share-weibo a{display:inline-flex;align-items:center;min-height:44px;white-space:nowrap}
.share-link{display:flex;flex-wrap:wrap;align-items:center;gap:6px}
.share-link label{font-size:14px;color:#666;white-space:nowrap}
.share-link input{flex:1 1 12em;min-width:0;min-height:44px;padding:0 8px;border:1px solid #ccc;border-radius:4px;font-size:14px;color:#444;background:#fafaf7}
.copy-link{min-height:44px;padding:0 12px;border:1px solid #8a2b1e;background:#8a2b1e;color:#fff;border-radius:4px;font:inherit;font-size:14px;white-space:nowrap;cursor:pointer}
.copy-status{font-size:13px;color:#2e6b2e;flex-basis:100%}
.copy-status:empty{display:none}
@media (max-width:479px){.share{grid-template-columns:1fr}.share-qr{grid-row:auto}}
.article-nav{margin:20px 0 0;border-top:1px solid #ddd;padding-top:4px}
.article-nav p{margin:0;display:flex;align-items:baseline;gap:4px}
.article-nav .label{white-space:nowrap;color:#666;font-size:14px;flex:none}
.article-nav a{display:inline-block;padding:10px 0;min-height:44px}
.article-nav .none{color:#999;padding:10px 0}
.related{margin-top:20px}
.related h2{font-size:18px;border-bottom:2px solid #8a2b1e;margin:0 0 6px}
.list-count{color:#666;font-size:14px;margin:0 0 8px}
.print-only{display:none}
`;
