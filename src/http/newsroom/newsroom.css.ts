/** The newsroom's stylesheet: dense, calm, readable on a laptop, visible focus for keyboard users. */
export const NEWSROOM_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;color:#222;background:#f4f2ee;font-size:15px;line-height:1.6}
a{color:#8a2b1e}
:focus-visible{outline:3px solid #e0a000;outline-offset:2px}
header.top{display:flex;align-items:center;gap:16px;background:#2b1d14;color:#f3ead8;padding:8px 16px}
header.top a{color:#f3ead8}
header.top .app{font-weight:bold;font-size:18px}
header.top .spacer{flex:1}
main{max-width:1200px;margin:0 auto;padding:16px}
.ProseMirror{position:relative;word-wrap:break-word;white-space:pre-wrap;white-space:break-spaces;font-variant-ligatures:none}
.ProseMirror [contenteditable="false"]{white-space:normal}
img.ProseMirror-separator{display:inline!important;border:none!important;margin:0!important;width:0!important;height:0!important}
.ProseMirror-gapcursor{display:none;pointer-events:none;position:absolute}.ProseMirror-focused .ProseMirror-gapcursor{display:block}
.ProseMirror-gapcursor:after{content:"";display:block;position:absolute;top:-2px;width:20px;border-top:1px solid #222}
.ProseMirror-hideselection *::selection{background:transparent}.ProseMirror-hideselection *{caret-color:transparent}
button,.button{font:inherit;padding:6px 14px;border:1px solid #8a6a4e;background:#fff;border-radius:4px;cursor:pointer;color:#222;text-decoration:none;display:inline-block}
button.primary{background:#8a2b1e;border-color:#8a2b1e;color:#fff}
button.danger{border-color:#b00020;color:#b00020}
button:disabled{opacity:.5;cursor:not-allowed}
.queues{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 16px;padding:0;list-style:none}
.queues a{display:block;padding:6px 12px;background:#fff;border:1px solid #d8cfc0;border-radius:4px;text-decoration:none;color:#333}
.queues a[aria-current]{background:#8a2b1e;color:#fff;border-color:#8a2b1e}
.count{display:inline-block;min-width:1.6em;text-align:center;background:#eee4d4;color:#5a3a22;border-radius:8px;margin-left:6px;font-size:13px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e6dfd3;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#efe8dc;font-weight:normal;color:#555}
form.card,.card{background:#fff;border:1px solid #e0d8ca;border-radius:6px;padding:16px;margin-bottom:16px}
label{display:block;margin:10px 0 4px;color:#555;font-size:14px}
input[type=text],input[type=password],input[type=datetime-local],input[type=url],select,textarea{width:100%;font:inherit;padding:6px 8px;border:1px solid #c9bda8;border-radius:4px;background:#fff}
input.headline{font-size:22px;font-weight:bold}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:0 16px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:16px}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
.toolbar{display:flex;gap:4px;flex-wrap:wrap;border:1px solid #c9bda8;border-bottom:0;border-radius:4px 4px 0 0;padding:4px;background:#faf7f1}
.toolbar button{padding:2px 10px}
.toolbar button[aria-pressed=true]{background:#eee4d4}
.editor .ProseMirror{min-height:320px;border:1px solid #c9bda8;border-radius:0 0 4px 4px;padding:8px 12px;background:#fff;outline:none}
.editor .ProseMirror:focus{box-shadow:0 0 0 3px #e0a00066}
.editor .ProseMirror p{margin:0 0 .8em}
.editor .ProseMirror img{max-width:100%}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
.status{display:inline-block;padding:2px 8px;border-radius:10px;background:#eee4d4;font-size:13px}
.notice{padding:8px 12px;border-radius:4px;margin:8px 0}
.notice.error{background:#fde8e8;color:#8b0000;border:1px solid #f5b5b5}
.notice.ok{background:#e8f5e9;color:#1b5e20;border:1px solid #a5d6a7}
.notice.warn{background:#fff4e0;color:#7a4a00;border:1px solid #f0c987}
ins{background:#d8f5d8;text-decoration:none}del{background:#fbd8d8}
iframe.preview{width:100%;height:600px;border:1px solid #c9bda8;background:#fff}
.signatures li{margin:2px 0}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
header.top{flex-wrap:wrap;row-gap:4px}
form.settings,.reader-preview{max-width:760px}
form.settings fieldset{min-width:0;background:#fff;border:1px solid #e0d8ca;border-radius:6px;margin:0 0 16px;padding:4px 16px 12px}
form.settings legend{font-weight:bold;padding:0 4px}
form.settings input[type=email],form.settings input[type=tel],form.settings input[type=number]{width:100%;font:inherit;padding:6px 8px;border:1px solid #c9bda8;border-radius:4px;background:#fff}
form.settings input[type=number]{max-width:10em}
form.settings textarea{resize:vertical}
form.settings [aria-invalid]{border-color:#b00020;box-shadow:0 0 0 1px #b00020}
.hint{color:#666;font-size:13px;margin:4px 0}
.field-error{color:#8b0000;font-size:14px;margin:4px 0 0}
.field-error:empty{display:none}
.reader-preview .masthead{background:#2b1d14;color:#f3ead8;padding:10px 14px;border-radius:4px;overflow-wrap:anywhere}
.reader-preview .brand{font-size:22px;letter-spacing:1px}
.reader-preview .tagline{font-size:14px;opacity:.8}
.reader-preview .contact{font-size:14px}
.reader-preview .contact span{display:inline-block;max-width:100%;margin-right:16px}
input[type=search],input[type=date],input[type=file]{width:100%;max-width:100%;font:inherit;padding:6px 8px;border:1px solid #c9bda8;border-radius:4px;background:#fff}
picture img{max-width:100%;height:auto;display:block}
.badge{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px}
.badge.warn{background:#fff4e0;color:#7a4a00;border:1px solid #f0c987}
.drop-zone .hint{margin-bottom:0}
main.dragging .drop-zone{outline:3px dashed #8a2b1e;outline-offset:4px}
.upload-status{list-style:none;margin:4px 0 0;padding:0;font-size:14px;overflow-wrap:anywhere}
.media-search{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:0 12px;align-items:end;margin-bottom:12px}
.media-search .field-error{grid-column:1/-1}
.media-grid{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:12px}
.media-grid .thumb{width:100%;padding:4px;text-align:left;display:flex;flex-direction:column;gap:4px;min-width:0}
.media-grid .thumb img{width:100%;aspect-ratio:1;object-fit:cover}
.thumb-caption{font-size:13px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:100%}
.taken-down{color:#8b0000}
.pager{display:flex;flex-wrap:wrap;align-items:center;gap:12px;margin:12px 0}
.media-detail{overflow-wrap:anywhere}
.media-detail-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:8px}
.media-detail-head h2{margin:0;min-width:0}
.media-detail-body{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px}
@media (max-width:760px){.media-detail-body{grid-template-columns:minmax(0,1fr)}}
.focal{position:relative;max-width:640px;cursor:crosshair;line-height:0}
.focal img{width:100%}
.focal-marker{position:absolute;width:28px;height:28px;margin:-14px 0 0 -14px;border:3px solid #fff;border-radius:50%;box-shadow:0 0 0 2px #8a2b1e,0 0 6px #000;pointer-events:none}
.crops{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
.crops figure{margin:0}
.crops figure:nth-child(1){width:200px}.crops figure:nth-child(2){width:150px}.crops figure:nth-child(3){width:112px}
.crops figcaption{font-size:12px;color:#666}
.media-pending h3{margin-top:0}
.media-fields input[readonly],.media-fields textarea[readonly]{background:#f4f2ee;color:#555}
.media-changes{table-layout:fixed;margin:8px 0}
.media-changes th[scope=row]{width:25%}
.media-changes del{color:#8b0000}
.media-changes ins{color:#1b5e20;text-decoration:none;font-weight:bold}
.media-fields textarea{resize:vertical}
.media-fields [aria-invalid=true]{border-color:#b00020}
fieldset.lead-field{border:1px solid #e0d8ca;border-radius:4px;margin:10px 0;padding:4px 12px 8px;min-width:0}
fieldset.lead-field legend{color:#555;font-size:14px;padding:0 4px}
.lead-picture figure{margin:8px 0;max-width:480px}
.lead-picture figcaption{font-size:14px;color:#444}
.lead-picture .credit{color:#777}
dialog.media-picker{width:min(920px,96vw);max-height:92vh;overflow:auto;border:1px solid #c9bda8;border-radius:6px;padding:16px}
dialog.media-picker::backdrop{background:#0006}
`;
