/** The reader site's one stylesheet: plain, readable, and quick on a phone. */
export const SITE_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"PingFang SC","PingFang TC","Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;color:#222;background:#fafaf7;line-height:1.8}
a{color:#8a2b1e;text-decoration:none}a:hover,a:focus{text-decoration:underline}
.wrap{max-width:960px;margin:0 auto;padding:0 16px}
header.site{background:#2b1d14;color:#f3ead8;padding:12px 0}
header.site .brand{font-size:28px;font-weight:bold;color:#f3ead8;letter-spacing:2px}
header.site .tagline{margin-left:12px;font-size:14px;opacity:.8}
header.site .contact{font-size:14px;margin-top:4px}
header.site .contact span{margin-right:16px}header.site .contact a{color:inherit}.wide{width:100%;box-sizing:border-box}
.switch{float:right;font-size:14px}
.switch a,.switch strong{color:#f3ead8;margin-left:8px}
nav.regions{background:#5a3a22;padding:6px 0}
nav.regions a{color:#fff;margin-right:14px;font-size:15px;white-space:nowrap;display:inline-block}
nav.regions a[aria-current]{text-decoration:underline}
main{padding:20px 0 40px}
h1.headline{font-size:28px;line-height:1.4;margin:8px 0 12px}
.meta{color:#666;font-size:14px;border-bottom:1px solid #ddd;padding-bottom:8px}
.meta .sep{margin:0 6px;color:#bbb}
.original-headline,.byline{color:#555;font-size:15px}
.body p{text-indent:2em;margin:0 0 1em}
.body figure{margin:1em 0}.body img{max-width:100%;height:auto}
picture img{max-width:100%;height:auto}
figure.lead-image{margin:12px 0 16px}figure.lead-image img,figure.body-image img{display:block;width:100%;height:auto;background:#eee}
figure.lead-image figcaption,figure.body-image figcaption{font-size:14px;color:#666;margin-top:4px;line-height:1.6}.credit{margin-left:8px;color:#999}
.body figcaption{font-size:14px;color:#666}.body .credit{margin-left:8px;color:#999}
.body blockquote{border-left:4px solid #d9c7a8;margin:1em 0;padding:0 1em;color:#444}
.corrections{border:1px solid #e2c9a0;background:#fff8ec;padding:8px 12px;margin-top:16px;font-size:14px}.corrections h2{font-size:15px;margin:0}.corrections ul{margin:4px 0;padding-left:18px}
.notice{font-size:14px;color:#666;background:#f1ece2;padding:8px 12px;margin-top:16px}
ul.list{list-style:none;padding:0;margin:0}
ul.list li{padding:6px 0;border-bottom:1px dashed #e2dccf}
ul.list time{color:#888;font-size:13px;margin-left:8px}
.thumb{float:right;width:96px;margin:3px 0 4px 10px;line-height:0}.thumb img{display:block;width:96px;height:auto;aspect-ratio:4/3;object-fit:cover;background:#eee}
li.with-thumb::after{content:"";display:block;clear:both}
.lead{background:#fff;border-left:6px solid #8a2b1e;padding:8px 16px;margin-bottom:16px}.lead-headline{font-size:26px;margin:4px 0}
.lead.with-picture{display:flow-root}.lead-picture{display:block;margin:8px 0;line-height:0}.lead-picture img{display:block;width:100%;height:auto;background:#eee}
@media (min-width:640px){.lead-picture{float:right;width:280px;margin:4px 0 8px 16px}}
.blocks{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:16px;margin-top:20px}
.block h2{font-size:18px;border-bottom:2px solid #8a2b1e;margin:0 0 6px}
.site-search{float:right;clear:right;margin-top:6px}.site-search input{padding:2px 6px;border:0;border-radius:3px}
form.search{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:12px}form.search input[type=search]{flex:1;min-width:200px;padding:6px}
ol.results{padding-left:1.4em}ol.results li{margin:10px 0}.snippet{margin:2px 0;color:#555;font-size:14px}mark{background:#ffe58a;color:inherit}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.pager{margin-top:16px}.pager a,.pager span{margin-right:12px}
footer.site{background:#eee8dc;font-size:13px;color:#555;padding:16px 0 24px}
footer.site h2{font-size:14px;margin:0 0 6px}
footer.site ol{padding-left:0;list-style:none;margin:0}
footer.site li{margin:2px 0}
`;
