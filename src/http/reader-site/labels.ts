/**
 * Interface words of the reader site, written once in Traditional and converted for other
 * scripts with the same engine as the articles.
 */
export const LABELS = {
  hotline: '熱線',
  email: '郵箱',
  home: '首頁',
  source: '來源',
  editor: '編輯',
  responsibleEditor: '責編',
  originalHeadline: '原題',
  latest: '最新',
  more: '更多',
  regions: '地區',
  topics: '專題頻道',
  previous: '上一頁',
  next: '下一頁',
  pageOf: (page: number, pages: number) => `第${page}頁,共${pages}頁`,
  noArticles: '暫無文章。',
  switchTo: '切換字體',
  notFoundTitle: '找不到這個頁面',
  notFoundText: '您要找的頁面不存在,或者文章已經撤下。請回到首頁,或從上方的地區導航繼續瀏覽。',
  errorTitle: '頁面暫時無法顯示',
  errorText: '伺服器處理這個請求時出了問題。請稍後再試;如果問題持續,請通過熱線或郵箱告訴我們。',
  backHome: '返回首頁',
  reprint: '轉載',
  corrections: '更正',
} as const;
