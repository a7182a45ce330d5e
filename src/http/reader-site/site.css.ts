import { FURNITURE_CSS } from './furniture-css.ts';
import { PRINT_CSS } from './print-css.ts';

/**
 * The reader site's one stylesheet: plain, readable, and quick on a phone. Written for the phone
 * first; wider screens add columns. Rules that hold everywhere:
 * - a date, a label, a link in a menu or a button is one token and never breaks across lines;
 * - nothing is wider than the screen: long words in articles break, wide things scroll inside themselves;
 * - what a finger taps is at least 44px each way;
 * - article text runs about 36 characters to the line, 1.8 lines apart.
 * The home page's grids leave no cell empty: the last block spans what its row has left.
 */
export const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:"PingFang SC","PingFang TC","Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;font-size:16px;color:#222;background:#fafaf7;line-height:1.8}
img,svg,video{max-width:100%;height:auto}
a{color:#8a2b1e;text-decoration:none}a:hover,a:focus-visible{text-decoration:underline}
:focus-visible{outline:3px solid #d9a441;outline-offset:2px}
time,.token{white-space:nowrap}
.wrap{max-width:1200px;margin:0 auto;padding:0 16px}
.wide{width:100%}
.sr-only{position:absolute;width:1px;height:1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip:focus{position:fixed;top:8px;left:8px;z-index:10;width:auto;height:auto;clip:auto;display:flex;align-items:center;min-height:44px;padding:0 16px;background:#fff;color:#8a2b1e}

header.site{background:#2b1d14;color:#f3ead8}
header.site a{color:inherit}
.masthead{display:grid;grid-template-columns:minmax(0,1fr) auto;grid-template-areas:"brand switch" "search search" "contact contact";column-gap:12px;align-items:center;padding-top:4px;padding-bottom:6px}
.brand-line{grid-area:brand;margin:0;display:flex;flex-wrap:wrap;align-items:center;column-gap:12px;min-width:0;line-height:1.4}
.brand{display:inline-flex;align-items:center;min-height:44px;font-size:26px;font-weight:bold;letter-spacing:2px;white-space:nowrap}
.tagline{font-size:14px;opacity:.85}
.switch{grid-area:switch;display:flex;align-self:start;font-size:14px}
.switch a,.switch strong{display:inline-flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;padding:0 6px;white-space:nowrap}
.switch strong{color:#fff;box-shadow:inset 0 -3px 0 #d9a441}
.site-search{grid-area:search;display:flex;margin:4px 0}
.site-search input{flex:1;min-width:0;min-height:44px;padding:0 12px;border:0;border-radius:4px 0 0 4px;font:inherit;font-size:16px;color:#222;background:#fff}
.site-search button{border-radius:0 4px 4px 0}
.contact{grid-area:contact;list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;column-gap:16px;font-size:14px}
.contact li{white-space:nowrap}
.contact a,.contact span{display:inline-flex;align-items:center;min-height:44px}
@media (min-width:768px){
.masthead{grid-template-columns:minmax(0,1fr) minmax(260px,340px);grid-template-areas:"brand switch" "contact search";padding-top:8px;padding-bottom:8px}
.switch{justify-self:end}
}

nav.channels{background:#5a3a22}
nav.channels .wrap{display:flex;overflow-x:auto;scrollbar-width:thin}
nav.channels ul{list-style:none;margin:0;padding:0;display:flex;flex:none}
nav.channels .topic-channels{margin-left:8px;padding-left:8px;border-left:1px solid rgba(255,255,255,.35)}
nav.channels a{display:flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;padding:0 10px;color:#fff;font-size:15px;white-space:nowrap}
nav.channels a[aria-current]{background:#8a2b1e}
@media (min-width:1024px){nav.channels .wrap{flex-wrap:wrap;overflow:visible}nav.channels ul{flex:initial;flex-wrap:wrap}}

main{padding:16px 0 40px}
.primary{container-type:inline-size;min-width:0}
@media (min-width:1024px){
main>.wrap:has(>aside.most-read){display:grid;grid-template-columns:minmax(0,1fr) 300px;column-gap:32px;align-items:start}
main>.wrap:has(>aside.most-read)>*{grid-column:1}
main>.wrap:has(>aside.most-read)>aside.most-read{grid-column:2;grid-row:1 / span 30}
main>.wrap:has(>.primary+aside.most-read:last-child)>aside.most-read{grid-row:1}
}
aside.most-read{background:#fff;border-top:3px solid #8a2b1e;padding:8px 16px 12px;margin-top:24px}
aside.most-read h2{font-size:18px;margin:0 0 4px}
aside.most-read h3{font-size:15px;color:#666;margin:8px 0 2px}
aside.most-read ol{margin:0;padding-left:1.6em}
aside.most-read li{padding:4px 0;border-bottom:1px dashed #e2dccf;line-height:1.6}
@media (min-width:1024px){aside.most-read{margin-top:0}}

h1.headline{font-size:24px;line-height:1.4;margin:8px 0 12px}
@media (min-width:768px){h1.headline{font-size:28px}}
article{max-width:42rem}
main>.wrap:has(>article):not(:has(>aside.most-read)){max-width:calc(42rem + 32px)}
.meta{color:#666;font-size:14px;border-bottom:1px solid #ddd;padding-bottom:8px}
.meta>span,.meta>time{white-space:nowrap}
.meta .sep{margin:0 6px;color:#bbb}
.original-headline,.byline{color:#555;font-size:15px}
.body{font-size:1.125rem;line-height:1.8;overflow-wrap:break-word}
.body p{text-indent:2em;margin:0 0 1em}
.body figure{margin:1em 0}.body img{max-width:100%;height:auto}
.body table,.body pre{display:block;max-width:100%;overflow-x:auto}
picture img{max-width:100%;height:auto}
figure.lead-image{margin:12px 0 16px}figure.lead-image img,figure.body-image img{display:block;width:100%;height:auto;background:#eee}
figure.lead-image figcaption,figure.body-image figcaption{font-size:14px;color:#666;margin-top:4px;line-height:1.6}.credit{margin-left:8px;color:#999;white-space:nowrap}
.body figcaption{font-size:14px;color:#666;text-indent:0}
.body blockquote{border-left:4px solid #d9c7a8;margin:1em 0;padding:0 1em;color:#444}
.corrections{border:1px solid #e2c9a0;background:#fff8ec;padding:8px 12px;margin-top:16px;font-size:14px}.corrections h2{font-size:15px;margin:0}.corrections ul{margin:4px 0;padding-left:18px}
.notice{font-size:14px;color:#666;background:#f1ece2;padding:8px 12px;margin-top:16px}

ul.list{list-style:none;padding:0;margin:0}
ul.list li{padding:8px 0;border-bottom:1px dashed #e2dccf;line-height:1.6}
ul.list time{color:#888;font-size:13px}
ul.list time::before{content:"   ";white-space:pre-wrap}
.thumb{float:right;width:96px;margin:3px 0 4px 10px;line-height:0}.thumb img{display:block;width:96px;height:auto;aspect-ratio:4/3;object-fit:cover;background:#eee}
li.with-thumb::after{content:"";display:block;clear:both}

.top{display:grid;grid-template-columns:minmax(0,1fr);align-items:start;gap:16px 24px;margin-bottom:20px}
.lead{background:#fff;border-left:6px solid #8a2b1e;padding:8px 16px 12px}
.lead-headline{font-size:24px;line-height:1.4;margin:4px 0 8px}
.lead p{margin:0}
.lead.with-picture{display:flow-root}
.lead-picture{display:block;margin:8px 0;line-height:0}
.lead-picture img{display:block;width:100%;height:auto;background:#eee}
.recommended h2,.latest h2,.block h2{font-size:18px;line-height:1.6;margin:0 0 6px;border-bottom:2px solid #8a2b1e}
.latest{margin-bottom:20px}
.blocks{display:grid;grid-template-columns:minmax(0,1fr);gap:20px 24px}
@container (min-width:560px){
.blocks{grid-template-columns:repeat(2,minmax(0,1fr))}
.blocks>:last-child:nth-child(2n+1){grid-column:1 / -1}
.blocks>:last-child:nth-child(2n+1) ul.list{column-count:2;column-gap:24px}
}
@container (min-width:720px){
.top.with-recommended{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}
.top:not(.with-recommended) .lead-picture{float:right;width:40%;margin:4px 0 8px 16px}
.latest ul.list{column-count:2;column-gap:32px}
.latest ul.list li,.blocks ul.list li{break-inside:avoid}
}
@container (min-width:900px){
.blocks{grid-template-columns:repeat(3,minmax(0,1fr))}
.blocks>:last-child:nth-child(2n+1){grid-column:auto}
.blocks>:last-child:nth-child(2n+1) ul.list{column-count:auto}
.blocks>:last-child:nth-child(3n+1){grid-column:1 / -1}
.blocks>:last-child:nth-child(3n+1) ul.list{column-count:3}
.blocks>:last-child:nth-child(3n+2){grid-column:span 2}
.blocks>:last-child:nth-child(3n+2) ul.list{column-count:2}
}

button,.button{display:inline-flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;padding:0 20px;border:0;border-radius:4px;background:#8a2b1e;color:#fff;font:inherit;font-size:16px;line-height:1.4;white-space:nowrap;cursor:pointer;text-decoration:none}
.button:hover,.button:focus-visible{text-decoration:none;background:#6e2217}
.actions{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.public-form{max-width:40rem;margin-top:16px}
.public-form .field{margin:0 0 16px}
.public-form label{display:block;font-weight:bold;margin-bottom:4px;line-height:1.5}
.public-form input:not([type=file]),.public-form textarea{display:block;width:100%;min-height:44px;padding:8px 12px;border:1px solid #b9ad98;border-radius:4px;font:inherit;font-size:16px;line-height:1.6;color:inherit;background:#fff}
.public-form input[type=file]{display:block;width:100%;min-height:44px;padding:8px 0;font:inherit;font-size:15px}
.hint{margin:4px 0 0;font-size:14px;color:#666;line-height:1.6}
@media (max-width:479px){.public-form .actions button{width:100%}}

form.search{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:16px}
form.search>input[type=search],.search-words input{flex:1;min-width:0;min-height:44px;padding:0 12px;border:1px solid #b9ad98;border-radius:4px 0 0 4px;font:inherit;font-size:16px;background:#fff}
form.search>button,.search-words button{border-radius:0 4px 4px 0}
.search-words{display:flex;flex:1 1 100%;margin:0}
.search-filters{display:flex;flex:1 1 100%;flex-wrap:wrap;gap:8px 20px;margin:0}
.search-filters .field{display:inline-flex;align-items:center;gap:8px;flex:none;max-width:100%}
.search-filters label{white-space:nowrap}
.search-filters select,.search-filters input{min-width:0;min-height:44px;padding:0 8px;border:1px solid #b9ad98;border-radius:4px;font:inherit;font-size:16px;background:#fff}
ol.results{padding-left:1.4em}ol.results li{margin:10px 0}.snippet{margin:2px 0;color:#555;font-size:14px}mark{background:#ffe58a;color:inherit}

.pager{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin-top:16px}
.pager a,.pager span{display:inline-flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;padding:0 12px;white-space:nowrap}
.pager a{border:1px solid #d9c7a8;border-radius:4px;background:#fff}

footer.site{background:#eee8dc;font-size:13px;color:#555;padding:16px 0 24px}
footer.site h2{font-size:14px;margin:0 0 6px}
footer.site ol{padding-left:0;list-style:none;margin:0}
footer.site li{margin:2px 0}
.operator{margin:12px 0 0}
.site-links{display:flex;flex-wrap:wrap;column-gap:20px}
.site-links a{display:inline-flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;font-size:14px;white-space:nowrap}

.feed-page .masthead{grid-template-columns:minmax(0,1fr);grid-template-areas:"brand"}
.feed-items .snippet{margin-top:4px}
` + FURNITURE_CSS + PRINT_CSS;
