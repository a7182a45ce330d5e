/**
 * A printed article is the story and whose it is: headline, time and signers, the body with its
 * pictures, the source and rights notice, the article's address, and the copyright line. The
 * site's navigation, sharing, related lists, the script switch and the statement's clauses are
 * for the screen. Links to other sites in the body and notices print their address, since paper
 * cannot follow them.
 */
export const PRINT_CSS = `
@media print{
@page{margin:18mm 16mm}
html,body{background:#fff;color:#000}
body{font-size:11pt;line-height:1.7}
a{color:#000;text-decoration:none}
header.site,nav.regions,nav.channels,.switch,.site-search,.skip,.breadcrumb,.font-size,.share,.article-nav,.related,.tags,.most-read,.pager,footer.site h2,footer.site ol,footer.site nav,footer.site .site-links{display:none!important}
main{padding:0}
.wrap{max-width:none;padding:0}
h1.headline{font-size:20pt;margin:0 0 8pt}
.meta{color:#000;border-bottom:1pt solid #000}
.body p{orphans:3;widows:3}
h1,h2,h3{break-after:avoid;page-break-after:avoid}
figure,picture,img,blockquote{break-inside:avoid;page-break-inside:avoid}
img{max-width:100%!important;height:auto}
figcaption{color:#333}
.notice,.corrections{background:none;border:1pt solid #999;color:#000}
.body a[href^="http"]::after,.notice a[href^="http"]::after,.original-headline a[href^="http"]::after{content:" (" attr(href) ")";font-size:9pt;word-break:break-all}
.print-only{display:block}
.print-url{font-size:9pt;margin-top:12pt;word-break:break-all}
footer.site{background:none;color:#000;padding:8pt 0 0;border-top:1pt solid #999}
}
`;
