/**
 * Demo content for Heitu: thirty fictional, everyday regional news articles
 * for a Jilin province news portal. All people, outlets and events are
 * invented; any resemblance to real reports is coincidental.
 *
 * About two thirds are written in Simplified Chinese (zh-Hans) and one third
 * in Traditional Chinese following Taiwan usage (zh-Hant). Several zh-Hans
 * articles deliberately contain phrases that exercise script conversion
 * (头发, 了解, 干部, 发展, 里面, 面条, 皇后, 制造, 简单明了).
 */

export type DemoRights = 'original' | 'exclusive' | 'reprint' | 'licensed-in';

export interface DemoArticle {
  /** Stable kebab-case ASCII slug, unique across the demo set. */
  key: string;
  /** The script the text of this article is written in. */
  language: 'zh-Hans' | 'zh-Hant';
  /** Channel slugs; the first is the primary region, optionally followed by one topic. */
  channels: string[];
  headline: string;
  /** 原題: the longer original title of a reprinted or retitled article. */
  originalHeadline?: string;
  /** One sentence. */
  summary: string;
  /** Rendered ahead of the body, e.g. “长春讯（黑土网）”. Never repeated inside bodyHtml. */
  dateline: { place: string; source: string; kind: '訊' | '電' | '讯' | '电' };
  bodyHtml: string;
  byline: string;
  /** 來源 outlet name. */
  source: string;
  rightsClass: DemoRights;
  /** 編輯 display name. */
  editor: string;
  /** 責編 display name. */
  responsibleEditor: string;
  tags: string[];
  /** Publish time = first start minus this many hours. */
  hoursAgo: number;
}

export const demoArticles: DemoArticle[] = [
  // 1 ── 长春 · 民生 · original · zh-Hans
  {
    key: 'changchun-community-bus-k218',
    language: 'zh-Hans',
    channels: ['changchun', 'society'],
    headline: '长春新开通K218路社区公交 串起五个老旧小区',
    summary: '长春市新开通的K218路社区公交今天首发，线路连接五个老旧小区和两家社区医院，方便老年居民出行。',
    dateline: { place: '长春', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>今天早上六点半，K218路社区公交从南湖花园站准时发车。这条线路全长九点六公里，设站十九个，沿途串起五个建成二十多年的老旧小区。</p>',
      '<p>记者在首班车上看到，车厢地板比普通公交低了一截，前门还加装了可折叠的轮椅坡板。司机孙立军说，线路专门为腿脚不便的老人做了调整，停站时间也比普通线路长一些。</p>',
      '<p>家住光华小区的退休教师郑桂芝今年七十二岁，她告诉记者，过去去社区医院拿药要换乘两次，现在出门走两百米就能上车，“十几分钟就到，线路图简单明了，一看就懂”。</p>',
      '<p>公交公司线路规划部门负责人介绍，线路开通前，工作人员在沿线小区发放问卷一千二百多份，根据居民意见调整了三处站点位置，后续还将根据客流情况优化发车间隔。</p>',
    ].join('\n'),
    byline: '记者 王晓梅 实习生 陈一鸣',
    source: '黑土网',
    rightsClass: 'original',
    editor: '刘静怡',
    responsibleEditor: '周立新',
    tags: ['公交', '社区', '出行'],
    hoursAgo: 3,
  },

  // 2 ── 江城 · 文旅 · original · zh-Hant
  {
    key: 'jiangcheng-rime-viewing-season',
    language: 'zh-Hant',
    channels: ['jiangcheng', 'culture'],
    headline: '江城霧凇觀賞季開幕 沿江步道增設十處觀景點',
    summary: '吉林市霧凇觀賞季本週開幕，松花江沿岸步道新增十處觀景平臺和暖房驛站，方便遊客清晨賞景。',
    dateline: { place: '吉林', source: '黑土網', kind: '訊' },
    bodyHtml: [
      '<p>清晨氣溫降到零下二十六度，松花江面升起大片水霧，沿岸的柳樹和松枝掛滿了雪白的霧凇。不少攝影愛好者凌晨四點就扛著三腳架來到江邊，等待日出時分的最佳光線。</p>',
      '<p>今年的觀賞季在沿江步道增設了十處觀景平臺，每隔一公里設一座暖房驛站，提供熱水、暖暖包和手機充電服務。驛站志工說，最冷的時候一個早上要燒掉三大桶開水。</p>',
      '<p>從哈爾濱專程趕來的遊客林思妤說，她在網路上看過很多照片，親眼所見還是被震撼了，“樹上每一根枝條都像裹了一層糖霜，美得不真實”。</p>',
      '<p>據當地氣象部門介紹，霧凇的形成需要低溫、水汽和微風等條件同時具備，預計一月中旬到二月上旬是出現頻率最高的時段，建議遊客出發前留意霧凇預報。</p>',
    ].join('\n'),
    byline: '記者 趙雪松 攝影 韓一帆',
    source: '黑土網',
    rightsClass: 'original',
    editor: '孫雨桐',
    responsibleEditor: '韓冬梅',
    tags: ['霧凇', '冰雪旅遊', '松花江'],
    hoursAgo: 7,
  },

  // 3 ── 延边 · 文旅 · exclusive · zh-Hans
  {
    key: 'yanbian-korean-folk-culture-festival',
    language: 'zh-Hans',
    channels: ['yanbian', 'culture'],
    headline: '延吉朝鲜族民俗文化节开幕 长鼓舞和打糕引来八方游客',
    summary: '延吉市朝鲜族民俗文化节在海兰江畔开幕，长鼓舞、秋千、跳板等传统项目吸引大批游客参与体验。',
    dateline: { place: '延吉', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>伴着悠扬的伽倻琴声，二百多名身着彩色民族服装的演员跳起长鼓舞，延吉市朝鲜族民俗文化节在海兰江畔的民俗园开幕。活动为期五天，设有展演、体验、美食三大板块。</p>',
      '<h2>打糕现场做 游客排长队</h2>',
      '<p>美食区最热闹的是打糕摊位。两位师傅抡起木槌，把蒸好的糯米反复捶打，一旁的阿妈妮把糕团切块、裹上黄豆面。游客排起二十多米的长队，不少人边吃边拍视频。</p>',
      '<p>在跳板和秋千体验区，来自广州的大学生何雨晨第一次尝试跳板，被弹到半空时忍不住尖叫。她说，以前只在纪录片里面见过，真正站上去才了解这项运动需要多好的平衡感。</p>',
      '<blockquote><p>“我们希望年轻人不只是来看热闹，而是能坐下来学一段舞、做一块糕。”民俗园负责人金顺子说，今年特意增加了十二场手把手教学。</p></blockquote>',
      '<p>据介绍，文化节期间民俗园每天开放至晚上九点，夜间还安排了灯光秀和篝火晚会。园区周边三条公交线路相应延长了末班车时间。</p>',
    ].join('\n'),
    byline: '记者 朴成浩 崔美玉',
    source: '黑土网',
    rightsClass: 'exclusive',
    editor: '金美兰',
    responsibleEditor: '郑国栋',
    tags: ['朝鲜族', '民俗', '节庆', '专稿'],
    hoursAgo: 1,
  },

  // 4 ── 白城 · original · zh-Hans
  {
    key: 'baicheng-wetland-spring-bird-count',
    language: 'zh-Hans',
    channels: ['baicheng'],
    headline: '白城湿地春季鸟类调查启动 首日记录白鹤四百余只',
    summary: '白城市春季湿地鸟类同步调查首日，志愿者和保护区工作人员共记录到白鹤四百一十二只。',
    dateline: { place: '白城', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>天刚蒙蒙亮，十几名调查队员已在湿地边的观测塔上架好单筒望远镜。随着一阵清亮的鸣叫，成群的白鹤从芦苇荡中起飞，队员们迅速分工计数。</p>',
      '<p>这次春季同步调查由保护区管理站牵头，三十多名观鸟志愿者参与，共设十四个固定观测点。首日记录到白鹤四百一十二只、东方白鹳六十余只，还有大量豆雁和绿头鸭。</p>',
      '<p>志愿者高振宇已经连续参加了六年调查。他说，刚开始连白鹤和白枕鹤都分不清，现在隔着两公里就能凭飞行姿态判断种类，“每年看到数字往上涨，心里特别踏实”。</p>',
      '<p>保护区工作人员介绍，近年来湿地补水和退耕还湿持续推进，水位条件明显改善。调查将持续到五月上旬，数据将用于评估迁徙停歇地的生态状况。</p>',
    ].join('\n'),
    byline: '记者 李长河',
    source: '黑土网',
    rightsClass: 'original',
    editor: '赵宏博',
    responsibleEditor: '韩冬梅',
    tags: ['湿地', '观鸟', '生态'],
    hoursAgo: 12,
  },

  // 5 ── 松原 · 經濟 · reprint · zh-Hant
  {
    key: 'songyuan-rice-harvest-begins',
    language: 'zh-Hant',
    channels: ['songyuan', 'economy'],
    headline: '松原稻田開鐮 種糧大戶盼來好收成',
    originalHeadline: '金秋稻浪翻滾 機收忙碌正酣——松原市稻農喜迎豐收季見聞',
    summary: '松原市郊的水稻陸續進入收割期，種糧大戶和合作社搶抓晴好天氣機收入倉。',
    dateline: { place: '松原', source: '松花江晨報', kind: '訊' },
    bodyHtml: [
      '<p>秋日的松原郊外，連片的稻田一片金黃。三臺收割機在田裡來回穿梭，脫粒後的稻穀被直接裝進運糧車，不到一個小時就收完了二十多畝。</p>',
      '<p>種糧大戶曹國順今年承包了六百畝水田。他說，今年插秧時節雨水均勻，夏季又沒遇上大的病蟲害，估計畝產能比去年多出五十公斤左右，“忙了一年，就盼這幾天”。</p>',
      '<p>合作社技術員介紹，今年村裡推廣了側深施肥和無人機植保，每畝地節省化肥近三成。新收的稻穀將在合作社烘乾後入庫，一部分加工成精米銷往省外。</p>',
      '<p>當地農業部門提醒，秋收期間要注意天氣變化，及時晾曬烘乾，防止稻穀受潮發霉，同時做好秸稈還田和離田利用。</p>',
    ].join('\n'),
    byline: '記者 呂建平',
    source: '松花江晨報',
    rightsClass: 'reprint',
    editor: '孫雨桐',
    responsibleEditor: '鄭國棟',
    tags: ['秋收', '水稻', '農業'],
    hoursAgo: 20,
  },

  // 6 ── 长白山 · 体育 · exclusive · zh-Hans
  {
    key: 'changbaishan-ski-season-opens',
    language: 'zh-Hans',
    channels: ['changbaishan', 'sports'],
    headline: '长白山雪季开板 滑雪场新增初级雪道和儿童乐园',
    summary: '长白山保护开发区一家滑雪度假区迎来新雪季首滑日，新增三条初级雪道和一处儿童雪上乐园。',
    dateline: { place: '长白山', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>随着第一位滑雪者从山顶冲下，长白山一家滑雪度假区正式开板。今年雪场提前半个月完成造雪，开板当天雪道雪厚普遍超过六十厘米，吸引了一千多名滑雪爱好者。</p>',
      '<p>雪场运营经理邵海峰介绍，针对初学者增多的情况，今年新增了三条坡度平缓的初级雪道，还在山脚建了一处儿童雪上乐园，配有魔毯和雪圈滑道。</p>',
      '<h2>教练“抢手” 课程提前约满</h2>',
      '<p>滑雪学校的周末课程在开板前一周就已约满。教练姜一帆说，最近来学滑雪的以亲子家庭为主，很多孩子上两三个课时就能自己从初级道滑下来。</p>',
      '<p>来自上海的游客冯晓雨滑了一上午，摘下头盔时头发上结了一层白霜。她笑着说，这是南方人最想带回家的“冬天纪念品”，可惜一进屋就化了。</p>',
      '<p>雪场提醒，山区早晚温差大，游客要做好防寒保暖，滑行时佩戴头盔，不要进入未开放区域。雪场还在各索道站设置了医疗点和失物招领处。</p>',
    ].join('\n'),
    byline: '记者 邵明远',
    source: '黑土网',
    rightsClass: 'exclusive',
    editor: '刘静怡',
    responsibleEditor: '周立新',
    tags: ['滑雪', '雪季', '冰雪运动', '专稿'],
    hoursAgo: 5,
  },

  // 7 ── 通化 · 经济 · original · zh-Hans
  {
    key: 'tonghua-ginseng-trade-fair',
    language: 'zh-Hans',
    channels: ['tonghua', 'economy'],
    headline: '通化人参交易会开幕 鲜参价格总体平稳',
    summary: '通化人参交易会今天开幕，三百余家参农和企业参展，鲜参交易价格与去年同期基本持平。',
    dateline: { place: '通化', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>一早，交易会场馆外就停满了挂着各地牌照的货车。场馆里面三百多个展位一字排开，一筐筐刚起获的鲜参还带着泥土，参农们忙着向客商介绍参龄和产地。</p>',
      '<p>参农于德厚带来了八百多斤鲜参。他说，今年雨水适中，参根长得匀称，开场不到两个小时就谈成了三单生意，“价格和去年差不多，能接受”。</p>',
      '<p>除了鲜参交易，今年交易会还设置了深加工产品展区，人参饮料、人参面条、参片茶等产品吸引了不少年轻消费者驻足品尝。</p>',
      '<p>组委会介绍，交易会为期三天，设有质量检测服务台，客商可现场免费检测农残和重金属指标。会后还将组织线上直播专场，帮助参农拓宽销售渠道。</p>',
    ].join('\n'),
    byline: '记者 于海洋',
    source: '黑土网',
    rightsClass: 'original',
    editor: '赵宏博',
    responsibleEditor: '郑国栋',
    tags: ['人参', '交易会', '特产'],
    hoursAgo: 16,
  },

  // 8 ── 江城 · 民生 · original · zh-Hans
  {
    key: 'jiangcheng-flood-prevention-drill',
    language: 'zh-Hans',
    channels: ['jiangcheng', 'society'],
    headline: '江城开展汛前防汛综合演练 二百余人参与',
    summary: '吉林市在松花江沿岸组织汛前防汛综合演练，模拟堤防管涌抢护和低洼区群众转移等科目。',
    dateline: { place: '吉林', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>随着警报声响起，松花江一处堤段上，抢险队员迅速扛起沙袋，在模拟出现管涌的位置围起反滤围井。这是吉林市今年汛前组织的一次防汛综合演练，二百余人参加。</p>',
      '<p>演练共设置堤防巡查、管涌抢护、冲锋舟救援、低洼区群众转移四个科目。附近社区的干部和网格员挨家挨户敲门通知，引导“受灾群众”有序撤离到安置点。</p>',
      '<p>参演的社区网格员吕娜说，平时大家对转移路线心里都有数，但真正要在规定时间内把老人孩子都组织起来，还是暴露出不少细节问题，比如有的楼道堆了杂物。</p>',
      '<p>应急部门相关负责人表示，演练结束后将对各环节逐项复盘，并在主汛期前完成抢险物资补充和重点堤段隐患排查，确保防汛准备工作落到实处。</p>',
    ].join('\n'),
    byline: '记者 刘宇航',
    source: '黑土网',
    rightsClass: 'original',
    editor: '孙雨桐',
    responsibleEditor: '韩冬梅',
    tags: ['防汛', '应急', '演练'],
    hoursAgo: 26,
  },

  // 9 ── 四平 · 民生 · original · zh-Hant
  {
    key: 'siping-school-canteen-inspection',
    language: 'zh-Hant',
    channels: ['siping', 'society'],
    headline: '四平開展校園食堂開學檢查 後廚操作可視化全覆蓋',
    summary: '開學首週，四平市市場監管部門對全市中小學食堂展開專項檢查，重點查看食材進貨查驗和後廚衛生。',
    dateline: { place: '四平', source: '黑土網', kind: '訊' },
    bodyHtml: [
      '<p>上午十點，檢查人員走進一所小學的食堂後廚，逐一查看冷藏櫃溫度、食材標籤和留樣紀錄。牆上的螢幕即時播放著操作間畫面，家長用手機也能同步看到。</p>',
      '<p>這次專項檢查涵蓋全市一百四十多所中小學和幼兒園食堂，重點檢查從業人員健康證明、食材進貨查驗紀錄、餐具消毒和食品留樣等十二個方面。</p>',
      '<p>學校後勤主任林春梅介紹，食堂每天的菜單提前一週公布，蔬菜和肉類都向定點供應商採購，每批次都要查驗檢疫證明。“孩子們吃得放心，家長才能安心。”</p>',
      '<p>市場監管部門表示，檢查中發現的個別問題已要求當場整改，下一步將不定期展開抽查，並邀請家長代表參與陪餐和監督。</p>',
    ].join('\n'),
    byline: '記者 馬文博',
    source: '黑土網',
    rightsClass: 'original',
    editor: '劉靜怡',
    responsibleEditor: '周立新',
    tags: ['校園', '食品安全', '開學'],
    hoursAgo: 30,
  },

  // 10 ── 辽源 · 文旅 · original · zh-Hans
  {
    key: 'liaoyuan-textile-mill-city-study',
    language: 'zh-Hans',
    channels: ['liaoyuan', 'culture'],
    headline: '辽源一座老厂房变身城市书房 藏书三万册',
    summary: '辽源市一座闲置多年的纺织厂仓库改建为城市书房并于今天开放，馆内藏书三万余册，提供二十四小时自助借阅。',
    dateline: { place: '辽源', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>红砖外墙、高大的桁架屋顶、墙上保留的老标语，辽源这家由纺织厂仓库改建的城市书房今天正式开放。首日就有一千多名市民前来参观借书。</p>',
      '<p>书房总面积约一千八百平方米，分为成人阅读区、少儿绘本区和地方文献区。设计团队保留了原有的钢结构和部分纺纱机械，把它们改造成书架和展台。</p>',
      '<p>在这家纺织厂工作了三十年的退休职工冷玉霞专程赶来。她指着一台老式纺纱机说，当年厂里制造的棉纱销往十几个省份，“没想到厂房还能以这种方式留下来”。</p>',
      '<p>据介绍，书房与市图书馆实现通借通还，读者凭身份证即可办理借阅。书房还将定期举办读书分享会、非遗手作课等活动，并提供二十四小时自助借还服务。</p>',
    ].join('\n'),
    byline: '记者 高雅琴',
    source: '黑土网',
    rightsClass: 'original',
    editor: '金美兰',
    responsibleEditor: '周立新',
    tags: ['城市书房', '阅读', '工业遗存'],
    hoursAgo: 9,
  },

  // 11 ── 白山 · 經濟 · licensed-in · zh-Hant
  {
    key: 'baishan-blueberry-picking-season',
    language: 'zh-Hant',
    channels: ['baishan', 'economy'],
    headline: '白山藍莓進入採摘季 林下種植帶動山村增收',
    summary: '白山市多個山村的藍莓種植基地進入採摘旺季，林下種植與採摘遊帶動村民增收。',
    dateline: { place: '白山', source: '東北新聞通訊社', kind: '電' },
    bodyHtml: [
      '<p>白山市一處山坡上的藍莓園裡，成熟的果實掛滿枝頭。二十多名村民挎著小筐穿行在果樹間，一邊採摘一邊按大小分揀，裝箱後當天就能發往外地。</p>',
      '<p>基地負責人黃立峰介紹，這片藍莓園利用山坡林地種植，共有三百畝，今年預計產果九十噸。基地常年僱用本村村民四十多人，採摘旺季每人每天收入可達兩百元。</p>',
      '<p>今年基地還開闢了自採園，週末常有城裡家庭開車前來。帶著女兒來採摘的市民潘麗說，孩子第一次見到長在樹上的藍莓，摘得比吃得還多。</p>',
      '<p>當地林業部門表示，將繼續推廣藍莓、五味子等林下特色種植，完善冷鏈倉儲設施，幫助更多山區農戶把生態資源轉化為穩定收入。</p>',
    ].join('\n'),
    byline: '記者 趙永健',
    source: '東北新聞通訊社',
    rightsClass: 'licensed-in',
    editor: '孫雨桐',
    responsibleEditor: '韓冬梅',
    tags: ['藍莓', '林下經濟', '鄉村'],
    hoursAgo: 34,
  },

  // 12 ── 长春 · 体育 · reprint · zh-Hans
  {
    key: 'changchun-community-football-league',
    language: 'zh-Hans',
    channels: ['changchun', 'sports'],
    headline: '长春社区足球联赛揭幕 四十支业余球队同场竞技',
    originalHeadline: '绿茵场上的街坊情——长春首届社区足球联赛揭幕战侧记',
    summary: '长春首届社区足球联赛在一处体育公园揭幕，四十支来自各街道社区的业余球队参赛。',
    dateline: { place: '长春', source: '长春街坊报', kind: '讯' },
    bodyHtml: [
      '<p>周六上午，长春一处体育公园的五块人工草坪球场同时开赛，首届社区足球联赛拉开帷幕。参赛的四十支球队全部来自各街道社区，队员从十六岁到六十三岁不等。</p>',
      '<p>揭幕战在两个相邻社区的球队之间进行。东盛社区队的队员大多是附近一家汽车零部件制造企业的工人，下了夜班就来训练。队长石磊说，大家踢球主要图个高兴，“别受伤就行”。</p>',
      '<p>年纪最大的队员、六十三岁的老门将汤振国引来阵阵掌声。他扑出一个点球后，场边的孙子跳起来大喊“爷爷加油”。他说自己年轻时在厂队踢过球，如今重回球场，感觉年轻了好几岁。</p>',
      '<p>组委会介绍，联赛将持续到十月底，采用分组循环加淘汰赛的赛制，所有比赛免费观看。赛事还招募了六十名社区志愿者，负责场地服务和医疗保障。</p>',
    ].join('\n'),
    byline: '记者 范晓东',
    source: '长春街坊报',
    rightsClass: 'reprint',
    editor: '赵宏博',
    responsibleEditor: '郑国栋',
    tags: ['足球', '社区', '全民健身'],
    hoursAgo: 40,
  },

  // 13 ── 延邊 · 民生 · original · zh-Hant
  {
    key: 'yanbian-silver-hair-repair-team',
    language: 'zh-Hant',
    channels: ['yanbian', 'society'],
    headline: '延邊“銀髮修理隊”走村入戶 一年修好家電千餘件',
    summary: '延邊一支由退休技術工人組成的志工修理隊常年下鄉義務維修家電，一年來修好電器一千多件。',
    dateline: { place: '延吉', source: '黑土網', kind: '訊' },
    bodyHtml: [
      '<p>週三一早，六名頭髮花白的老師傅帶著工具箱坐上麵包車，前往離城四十多公里的一個山村。這支“銀髮修理隊”成立三年來，幾乎每週都要下鄉一次。</p>',
      '<p>修理隊隊長崔永哲今年六十六歲，退休前是電機廠的維修技師。他說，村裡留守的多是老人，電鍋、電視機壞了往往不知道找誰修，“我們有手藝，也有時間，就來搭把手”。</p>',
      '<p>在村民樸順姬家，兩位師傅花了四十分鐘修好了一臺用了十多年的洗衣機。老人拉著師傅的手不肯放，非要留他們吃飯，最後塞了一袋自家醃的辣白菜才讓他們走。</p>',
      '<p>據統計，修理隊去年共走訪六十多個村屯，修好家電一千一百多件，只收取零件成本費。今年又有九名退休工人報名加入，隊伍擴大到二十人。</p>',
    ].join('\n'),
    byline: '記者 金光浩',
    source: '黑土網',
    rightsClass: 'original',
    editor: '金美蘭',
    responsibleEditor: '鄭國棟',
    tags: ['志工服務', '銀髮族', '鄉村'],
    hoursAgo: 22,
  },

  // 14 ── 長白山 · 文旅 · reprint · zh-Hant
  {
    key: 'changbaishan-timed-entry-reservations',
    language: 'zh-Hant',
    channels: ['changbaishan', 'culture'],
    headline: '長白山景區夏季開放 實行分時段預約入園',
    originalHeadline: '錯峰賞景更從容——長白山景區啟動夏季分時段預約 每日設四個入園時段',
    summary: '長白山景區進入夏季旅遊旺季，全面實行分時段預約入園，每天設四個時段並限定人數。',
    dateline: { place: '長白山', source: '白山松水旅遊週刊', kind: '訊' },
    bodyHtml: [
      '<p>長白山景區迎來夏季旅遊旺季。今年景區全面實行分時段預約，遊客需提前在線上選擇入園時段，每天設置四個時段，每個時段限定人數。</p>',
      '<p>景區工作人員介紹，分時段預約後，換乘中心排隊時間明顯縮短，高峰時段平均等候不超過二十分鐘。景區還增加了環保車班次，並在主要觀景點安排專人疏導。</p>',
      '<p>從廣東來的遊客鄭凱文說，他提前一週就訂好了早上七點的時段，“人不多，霧散得也快，運氣好，看到了天池全貌”。</p>',
      '<p>景區提醒，山頂與山下溫差可達十五度，即使在夏季也要帶上外套；山頂天氣多變，遊客應留意景區公告，遇到雷雨天氣要及時下山。</p>',
    ].join('\n'),
    byline: '記者 曲志明',
    source: '白山松水旅遊週刊',
    rightsClass: 'reprint',
    editor: '劉靜怡',
    responsibleEditor: '周立新',
    tags: ['長白山', '旅遊', '預約'],
    hoursAgo: 45,
  },

  // 15 ── 通化 · 体育 · exclusive · zh-Hans
  {
    key: 'tonghua-village-school-ice-hockey',
    language: 'zh-Hans',
    channels: ['tonghua', 'sports'],
    headline: '山村小学的冰球梦：通化这支娃娃队一冬练出好成绩',
    summary: '通化市一所山村小学利用冬季自然冰场组建冰球队，三年来队员从零基础练到在全省青少年邀请赛中打进八强。',
    dateline: { place: '通化', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>早上六点半，天还没亮，十四个孩子已经穿好护具站在学校操场上。这块冰场是体育老师邱海军带着家长们一桶一桶浇出来的，每年入冬后能用三个多月。</p>',
      '<h2>从几双旧冰鞋开始</h2>',
      '<p>三年前，邱海军用自己的工资从城里买回几双二手冰鞋，让孩子们轮流试滑。后来，一家企业捐赠了二十套护具，学校又从县体校借来球杆，冰球队才算真正组建起来。</p>',
      '<p>队员彭小雨是队里唯一的女守门员。她说刚开始很怕球砸到身上，摔了无数次，现在已经能扑出大部分射门。“穿上护具站在门前，就觉得自己特别勇敢。”</p>',
      '<blockquote><p>“孩子们不一定都能走上职业道路，但在冰上学会的坚持和配合，会陪他们一辈子。”邱海军说。</p></blockquote>',
      '<p>去年冬天，这支娃娃队第一次参加全省青少年冰球邀请赛，一路打进八强。学校希望把冰球作为特色项目长期发展下去，今年还计划在冰场边建一间暖房，供孩子们换装取暖。</p>',
    ].join('\n'),
    byline: '记者 祁文涛',
    source: '黑土网',
    rightsClass: 'exclusive',
    editor: '孙雨桐',
    responsibleEditor: '韩冬梅',
    tags: ['冰球', '校园体育', '乡村学校', '专稿'],
    hoursAgo: 14,
  },

  // 16 ── 四平 · 经济 · reprint · zh-Hans
  {
    key: 'siping-old-street-night-market',
    language: 'zh-Hans',
    channels: ['siping', 'economy'],
    headline: '四平老街夜市重新开张 百余摊位点亮街巷',
    summary: '四平市铁东区一条老街夜市经过两个月改造后重新开张，一百二十个摊位统一规范经营。',
    dateline: { place: '四平', source: '四平城市晚讯', kind: '讯' },
    bodyHtml: [
      '<p>傍晚六点，四平铁东一条老街上的彩灯依次亮起，经过两个月改造的夜市重新开张。一百二十个摊位整齐排列，烤冷面、锅包肉、糖葫芦的香味飘出好远。</p>',
      '<p>这次改造统一更换了摊位棚架，铺设了地下排水和油烟收集管道，还在街口设置了公共座椅和洗手池。摊主们按统一标准亮证经营，价格明码标示。</p>',
      '<p>在夜市摆摊十多年的尹凤琴卖的是手擀面条，她说改造后摊位干净整齐了，回头客也多了，“开张第一晚就卖出去两百多碗”。</p>',
      '<p>管理方介绍，夜市每天营业到晚上十一点，周末延长至午夜，还将不定期举办街头音乐会和非遗展演，进一步发展特色夜间消费。</p>',
    ].join('\n'),
    byline: '记者 谭佳',
    source: '四平城市晚讯',
    rightsClass: 'reprint',
    editor: '金美兰',
    responsibleEditor: '郑国栋',
    tags: ['夜市', '夜间经济', '老街'],
    hoursAgo: 51,
  },

  // 17 ── 松原 · 文旅 · original · zh-Hans
  {
    key: 'songyuan-winter-fishing-opens',
    language: 'zh-Hans',
    channels: ['songyuan', 'culture'],
    headline: '松原湖区冬捕开网 渔把头冰上“走网”引游客围观',
    summary: '松原市一处湖区的冬捕活动开网，渔工在冰面凿冰下网，首网出鱼吸引大批游客围观。',
    dateline: { place: '松原', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>零下二十八度的清晨，湖面冰层厚达五十多厘米。随着渔把头一声吆喝，几十名渔工用冰镩凿开冰眼，把长长的渔网顺着冰下一点点送出去。</p>',
      '<p>经过四个多小时的走网，出网口终于翻腾起来。鲢鱼、胖头鱼被马拉绞盘一点点拉出冰面，在阳光下泛着银光，围观的游客纷纷举起手机记录这一刻。</p>',
      '<p>今年五十八岁的渔把头白玉山已经主持冬捕二十多年。他说，冰下走网全靠经验，冰眼位置、下网速度都有讲究，“这门手艺是祖辈传下来的，得好好传下去”。</p>',
      '<p>活动期间，湖边还设置了冰雪游乐区和鱼宴美食街，游客可以体验冰上自行车、雪地摩托等项目。当地交通部门在主要路口增派了引导人员，保障游客出行安全。</p>',
    ].join('\n'),
    byline: '记者 包海龙',
    source: '黑土网',
    rightsClass: 'original',
    editor: '刘静怡',
    responsibleEditor: '韩冬梅',
    tags: ['冬捕', '冰雪旅游', '民俗'],
    hoursAgo: 58,
  },

  // 18 ── 長春 · 文旅 · exclusive · zh-Hant
  {
    key: 'changchun-hand-drawn-old-street-maps',
    language: 'zh-Hant',
    channels: ['changchun', 'culture'],
    headline: '退休工程師手繪百幅長春老街圖 記錄城市變遷',
    summary: '長春一位退休建築工程師花五年時間手繪一百多幅老街區地圖，細緻記錄街巷、老店和建築的變化。',
    dateline: { place: '長春', source: '黑土網', kind: '訊' },
    bodyHtml: [
      '<p>在長春一處老社區的家中，七十一歲的退休工程師葉志剛攤開一張一公尺多長的手繪地圖。街道、胡同、商鋪、水井，甚至一棵老榆樹的位置都標得清清楚楚。</p>',
      '<h2>五年走遍老城每條街巷</h2>',
      '<p>葉志剛退休前在設計院工作了三十多年。五年前，他發現自己小時候住過的街區即將改造，便帶著捲尺和速寫本，一條街一條街地走、一家店一家店地問。</p>',
      '<p>為了弄清一家老麵包房的舊址，他前後找了十幾位老街坊核對。他說，很多資訊只存在於老人的記憶裡，“再不記下來，可能就真的找不回來了”。</p>',
      '<blockquote><p>“地圖上畫的是街，其實記錄的是一代人的生活。”葉志剛說，他希望這些圖能讓年輕人更了解自己腳下的城市。</p></blockquote>',
      '<p>目前，他已完成一百零六幅地圖，其中三十幅將在市內一家社區圖書館展出。不少年輕人看過後主動聯繫他，希望參與老城口述歷史的整理工作。</p>',
    ].join('\n'),
    byline: '記者 常曉晴',
    source: '黑土網',
    rightsClass: 'exclusive',
    editor: '孫雨桐',
    responsibleEditor: '周立新',
    tags: ['城市記憶', '手繪地圖', '老街', '專稿'],
    hoursAgo: 18,
  },

  // 19 ── 江城 · 经济 · licensed-in · zh-Hans
  {
    key: 'jiangcheng-winter-greenhouse-vegetables',
    language: 'zh-Hans',
    channels: ['jiangcheng', 'economy'],
    headline: '冬季蔬菜供应充足 江城日光温室基地迎来采收高峰',
    summary: '吉林市郊多个日光温室基地进入冬季采收高峰，黄瓜、番茄等本地蔬菜每天供应市场超过百吨。',
    dateline: { place: '吉林', source: '东北新闻通讯社', kind: '电' },
    bodyHtml: [
      '<p>室外寒风凛冽，温室里面却温暖如春。吉林市郊一处日光温室基地里，一垄垄黄瓜挂满枝蔓，菜农们正忙着采摘、称重、装箱，准备运往市区的农贸市场和超市。</p>',
      '<p>基地负责人钟晓峰介绍，基地共有一百二十栋日光温室，采用后墙蓄热和保温被覆盖技术，即使外面零下三十度，棚内也能保持在十五度以上，不需要额外燃煤加温。</p>',
      '<p>在市区一家农贸市场，摊主田秀兰说，本地温室菜运输距离短，早上摘下来中午就能上柜台，顾客都愿意买，“价格也比前些年稳当多了”。</p>',
      '<p>当地农业部门表示，全市冬季设施蔬菜种植面积持续扩大，目前每天上市本地蔬菜一百多吨，有效保障了冬季“菜篮子”供应。</p>',
    ].join('\n'),
    byline: '记者 郝建明',
    source: '东北新闻通讯社',
    rightsClass: 'licensed-in',
    editor: '赵宏博',
    responsibleEditor: '周立新',
    tags: ['蔬菜', '温室', '菜篮子'],
    hoursAgo: 63,
  },

  // 20 ── 白城 · 經濟 · reprint · zh-Hant
  {
    key: 'baicheng-saline-alkali-rice-trial',
    language: 'zh-Hant',
    channels: ['baicheng', 'economy'],
    headline: '白城鹽鹼地種出優質稻 試驗田畝產突破千斤',
    originalHeadline: '昔日白茫茫 今朝稻花香——白城鹽鹼地改良試驗田喜獲豐收 畝產突破千斤',
    summary: '白城市郊一處鹽鹼地改良試驗田迎來收穫，現場測產畝產超過一千零五十斤。',
    dateline: { place: '白城', source: '嫩江平原農事報', kind: '訊' },
    bodyHtml: [
      '<p>秋日的白城郊外，一片曾經泛著白色鹽霜的荒地，如今變成了金黃的稻田。收割機開過之後，農技人員現場測產，試驗田畝產超過一千零五十斤。</p>',
      '<p>試驗田負責人、農技推廣站研究員祝明遠介紹，這片土地鹽鹼程度較重，過去幾乎寸草不生。團隊透過深翻改土、增施有機肥、灌水洗鹽等辦法，連續三年改良土壤。</p>',
      '<p>參與種植的村民范德勝說，以前這片地只能放羊，現在一畝地能收一千多斤稻子，“真沒想到這輩子能在鹽鹼地上種出大米來”。</p>',
      '<p>據了解，試驗田選用的是耐鹽鹼水稻品種，明年將擴大示範面積，並向周邊村屯推廣種植技術，讓更多閒置的鹽鹼地得到有效利用。</p>',
    ].join('\n'),
    byline: '記者 邢麗娜',
    source: '嫩江平原農事報',
    rightsClass: 'reprint',
    editor: '金美蘭',
    responsibleEditor: '韓冬梅',
    tags: ['鹽鹼地', '水稻', '農業科技'],
    hoursAgo: 70,
  },

  // 21 ── 遼源 · 經濟 · licensed-in · zh-Hant
  {
    key: 'liaoyuan-sock-makers-winter-orders',
    language: 'zh-Hant',
    channels: ['liaoyuan', 'economy'],
    headline: '遼源襪業企業趕製冬季訂單 直播間裡賣出“暖冬”',
    summary: '入冬以來，遼源多家襪業企業訂單增加，生產線滿載運轉，不少企業透過直播拓展線上銷售。',
    dateline: { place: '遼源', source: '東北新聞通訊社', kind: '電' },
    bodyHtml: [
      '<p>走進遼源一家襪業公司的生產車間，上百臺電腦織襪機整齊排列，機器轟鳴聲中，一雙雙羊毛襪從機頭源源不斷地吐出來。工人們正在加班趕製一批發往南方的冬季訂單。</p>',
      '<p>公司負責人魏成林說，入秋以來，羊毛襪、加厚棉襪的訂單量比去年同期增長了兩成多，生產線實行兩班輪替，每天產量超過八萬雙。</p>',
      '<p>在公司的直播間裡，主播正拿著一雙加絨襪向網友展示保暖效果。二十三歲的主播唐小雪說，她一晚上要講解四十多款產品，最多一場賣出了一萬多雙。</p>',
      '<p>當地相關部門表示，將繼續支持襪業企業進行設備升級和品牌建設，培養更多電商人才，推動傳統產業向線上延伸。</p>',
    ].join('\n'),
    byline: '記者 曹婷',
    source: '東北新聞通訊社',
    rightsClass: 'licensed-in',
    editor: '孫雨桐',
    responsibleEditor: '鄭國棟',
    tags: ['襪業', '直播電商', '製造業'],
    hoursAgo: 75,
  },

  // 22 ── 白山 · 文旅 · original · zh-Hans
  {
    key: 'baishan-log-cabin-village-homestays',
    language: 'zh-Hans',
    channels: ['baishan', 'culture'],
    headline: '白山木屋村迎来首批冬季游客 民宿主人忙着烧火炕',
    summary: '白山市一处保留传统木刻楞建筑的山村进入冬季旅游季，十余家民宿迎来首批游客。',
    dateline: { place: '白山', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>大雪过后，白山深处的一个小山村银装素裹。一栋栋木刻楞房子顶着厚厚的积雪，烟囱里冒出袅袅炊烟，村口的停车场上停着十几辆外地牌照的车。</p>',
      '<p>民宿主人盛桂兰天不亮就起来烧火炕、蒸粘豆包。她家五间客房已经订满到元旦，“城里人就喜欢睡热炕头，说比住酒店还舒服”。</p>',
      '<p>村里这几年把闲置木屋改造成民宿，统一修缮了屋顶和取暖设施，还开发了雪地徒步、冰上爬犁等体验项目。外出的年轻人也陆续回来，有的当向导，有的做直播。</p>',
      '<p>村民合作社负责人卢永胜说，去年冬天村里接待游客一万两千多人次，旅游收入比前年翻了一番。今年计划再修一条林间步道，把游客留得更久一些。</p>',
    ].join('\n'),
    byline: '记者 蒋思远',
    source: '黑土网',
    rightsClass: 'original',
    editor: '金美兰',
    responsibleEditor: '周立新',
    tags: ['民宿', '乡村旅游', '冰雪'],
    hoursAgo: 38,
  },

  // 23 ── 延边 · 经济 · reprint · zh-Hans
  {
    key: 'yanbian-apple-pear-harvest',
    language: 'zh-Hans',
    channels: ['yanbian', 'economy'],
    headline: '延边苹果梨丰收 果农忙采摘',
    summary: '延边州龙井市郊的苹果梨进入采收期，果农忙着采摘装箱，客商纷纷上门订货。',
    dateline: { place: '龙井', source: '图们江晨报', kind: '讯' },
    bodyHtml: [
      '<p>龙井市郊的果园里，一棵棵苹果梨树压弯了枝头。果农们踩着梯子采摘，把黄绿相间的果子轻轻放进垫着软布的筐里，生怕磕碰。</p>',
      '<p>果农许明哲家有四十多亩果园。他说，今年春天没有遭遇晚霜，坐果率高，果子个头也大，单果普遍在三百克以上，“客商已经上门来订货了”。</p>',
      '<p>当地果业协会介绍，苹果梨耐储存，入窖后可以一直卖到第二年春天。近年来不少果农开始尝试线上销售，还开发了梨膏、冻梨等深加工产品。</p>',
      '<p>为方便果品外运，当地在主要产区设立了多个收购点和冷藏库，物流企业开通了直达南方城市的冷链专线，果子从树上到餐桌最快只需三天。</p>',
    ].join('\n'),
    byline: '记者 南春花',
    source: '图们江晨报',
    rightsClass: 'reprint',
    editor: '赵宏博',
    responsibleEditor: '韩冬梅',
    tags: ['苹果梨', '秋收', '特色农业'],
    hoursAgo: 81,
  },

  // 24 ── 松原 · 民生 · exclusive · zh-Hans
  {
    key: 'songyuan-senior-community-canteen',
    language: 'zh-Hans',
    channels: ['songyuan', 'society'],
    headline: '十五元三菜一汤：松原老年食堂开到家门口',
    summary: '松原市一个老旧社区开办的老年助餐食堂运营半年，每天为两百多位老人提供平价午餐，还为行动不便的老人送餐上门。',
    dateline: { place: '松原', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>上午十一点，松原一个老旧社区的老年食堂里已经坐满了人。今天的菜单是红烧鸡块、西红柿炒蛋、清炒油菜和豆腐汤，六十岁以上老人只需十五元。</p>',
      '<h2>菜单由老人们“点”出来</h2>',
      '<p>食堂负责人苗丽华介绍，开业前社区干部挨家挨户征求意见，最后定下“少盐少油、软烂易嚼”的原则。每周菜单都贴在门口，老人们可以在意见簿上提建议。</p>',
      '<p>八十一岁的独居老人龚振山几乎每天都来。他说，以前自己做饭凑合，经常一碗面条就对付一顿，“现在顿顿有荤有素，还能跟老伙计们聊聊天”。</p>',
      '<p>对于行动不便的老人，食堂组织了十二名志愿者送餐上门，目前固定送餐对象有三十六位。社区计划明年在附近再开两处助餐点，进一步扩大服务范围。</p>',
    ].join('\n'),
    byline: '记者 冯佳琪',
    source: '黑土网',
    rightsClass: 'exclusive',
    editor: '孙雨桐',
    responsibleEditor: '郑国栋',
    tags: ['助餐', '养老', '社区', '专稿'],
    hoursAgo: 11,
  },

  // 25 ── 长白山 · original · zh-Hans
  {
    key: 'changbaishan-camera-traps-sable',
    language: 'zh-Hans',
    channels: ['changbaishan'],
    headline: '长白山红外相机捕捉到紫貂雪地觅食画面',
    summary: '长白山保护开发区工作人员回收野外红外相机数据时，发现多段紫貂、黄喉貂在雪地觅食的清晰视频。',
    dateline: { place: '长白山', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>保护区工作人员近日在回收林区红外相机数据时，发现了一段难得的画面：一只紫貂在雪地上快速跳跃，停在一截倒木旁嗅了嗅，随后钻进了树洞。</p>',
      '<p>监测人员朱卫东介绍，这批红外相机布设在海拔一千二百米到一千六百米之间的针阔混交林中，共有四十台，去年秋天安装，今年春天雪化前回收。</p>',
      '<p>除了紫貂，相机还拍到了黄喉貂、马鹿、野猪等多种野生动物。朱卫东说，回收相机要在齐膝深的雪里走一整天，但看到这些画面，“再累也值了”。</p>',
      '<p>据介绍，监测数据将用于分析野生动物的分布和活动规律。保护区提醒游客，游览时不要离开规定线路，不投喂、不惊扰野生动物。</p>',
    ].join('\n'),
    byline: '记者 邵明远',
    source: '黑土网',
    rightsClass: 'original',
    editor: '刘静怡',
    responsibleEditor: '郑国栋',
    tags: ['野生动物', '红外相机', '生态保护'],
    hoursAgo: 86,
  },

  // 26 ── 通化 · 文旅 · original · zh-Hans
  {
    key: 'tonghua-wild-grape-harvest',
    language: 'zh-Hans',
    channels: ['tonghua', 'culture'],
    headline: '通化山葡萄进入采收期 酒庄迎来酿造忙季',
    summary: '通化市一处山葡萄种植基地进入采收期，周边酒庄开始压榨酿造，并首次推出采摘酿酒体验活动。',
    dateline: { place: '通化', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>通化一处向阳山坡上的山葡萄熟透了，一串串紫黑色的果实挂在藤架下。采收工人动作麻利，剪下果穗后立即装箱，两个小时内就要运到酒庄压榨。</p>',
      '<p>酒庄酿酒师庞雅文介绍，山葡萄酸度高、颜色深，是当地的特色酿酒原料。今年夏季日照充足，葡萄含糖量比往年略高，有望酿出口感更柔和的酒。</p>',
      '<p>今年酒庄首次推出采摘体验活动，游客可以亲手采葡萄、踩葡萄，再把自己参与酿造的酒预订下来，明年春天寄到家里。首批三十个名额开放当天就被订满。</p>',
      '<p>当地文旅部门表示，将把山葡萄采摘与周边山地徒步、温泉等资源串联起来，打造秋季短途旅游线路。</p>',
    ].join('\n'),
    byline: '记者 于海洋',
    source: '黑土网',
    rightsClass: 'original',
    editor: '刘静怡',
    responsibleEditor: '韩冬梅',
    tags: ['山葡萄', '酒庄', '秋季旅游'],
    hoursAgo: 90,
  },

  // 27 ── 长春 · 体育 · original · zh-Hans
  {
    key: 'changchun-nanhu-ice-rink-opens',
    language: 'zh-Hans',
    channels: ['changchun', 'sports'],
    headline: '南湖冰场开放 长春市民冬季健身有了好去处',
    summary: '长春南湖公园冰场本周开放，设有速滑、冰球和亲子冰上游乐区，每天接待市民上千人次。',
    dateline: { place: '长春', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>经过半个多月的浇冰和养护，长春南湖公园冰场本周正式开放。冰面总面积约三万平方米，划分为速滑区、冰球区、自由滑区和亲子游乐区。</p>',
      '<p>开放首日恰逢周末，冰场上人头攒动。六十五岁的速滑爱好者陶永安一口气滑了二十圈，他说自己每年冬天都要来，“冰面平整，滑起来特别顺”。</p>',
      '<p>自由滑区里，一个身穿红色滑冰服的女孩做出一串漂亮的旋转，引来阵阵掌声。她的教练说，小姑娘练花样滑冰五年了，常来的滑友都叫她“南湖小皇后”。</p>',
      '<p>公园管理处介绍，冰场每天开放到晚上八点，夜间有灯光照明。入口设有冰鞋租赁点、热饮站和医疗服务点，管理人员每天早晚两次检测冰层厚度。</p>',
    ].join('\n'),
    byline: '记者 毛晓晨',
    source: '黑土网',
    rightsClass: 'original',
    editor: '金美兰',
    responsibleEditor: '韩冬梅',
    tags: ['冰场', '冬季健身', '冰雪运动'],
    hoursAgo: 28,
  },

  // 28 ── 四平 · 民生 · original · zh-Hans
  {
    key: 'siping-wednesday-free-haircuts',
    language: 'zh-Hans',
    channels: ['siping', 'society'],
    headline: '四平“周三理发日”坚持八年 义务为老人理发上万人次',
    summary: '四平市一支由理发师组成的志愿服务队坚持每周三到社区和养老院义务理发，八年来服务老人一万多人次。',
    dateline: { place: '四平', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>每周三上午，理发师任春燕都会把店门一锁，拎着工具箱赶往城郊的一家养老院。她和队友们在活动室摆开几把椅子，一上午要给三十多位老人理发。</p>',
      '<p>这支志愿服务队成立于八年前，最初只有三名理发师，如今已发展到二十六人。他们轮流排班，除了养老院，还定期走进社区和村屯，为行动不便的老人上门服务。</p>',
      '<p>九十岁的齐淑珍老人头发花白稀疏，任春燕特意放慢速度，一边剪一边陪她聊天。老人照着镜子笑着说，剪完头发整个人都精神了，“就盼着每个礼拜三”。</p>',
      '<p>任春燕说，很多老人平时没人说话，理发的时候正好陪他们聊聊家常。“我们能做的很简单，但对老人来说，这可能是一周里最热闹的一天。”</p>',
    ].join('\n'),
    byline: '记者 马文博',
    source: '黑土网',
    rightsClass: 'original',
    editor: '赵宏博',
    responsibleEditor: '周立新',
    tags: ['志愿服务', '养老', '理发'],
    hoursAgo: 47,
  },

  // 29 ── 辽源 · 民生 · exclusive · zh-Hans
  {
    key: 'liaoyuan-three-generation-bun-shop',
    language: 'zh-Hans',
    channels: ['liaoyuan', 'society'],
    headline: '一笼包子蒸了四十年：辽源老街包子铺的三代人',
    summary: '辽源老城区一家开了四十年的包子铺传到第三代，年轻店主在保留老手艺的同时尝试新口味和线上订餐。',
    dateline: { place: '辽源', source: '黑土网', kind: '讯' },
    bodyHtml: [
      '<p>凌晨三点半，辽源老城区一条小街上，包子铺的灯已经亮了。二十八岁的店主常宇正在和面、剁馅，蒸笼里冒出的白汽很快模糊了窗玻璃。</p>',
      '<h2>老面发酵的手艺不能丢</h2>',
      '<p>这家包子铺是常宇的爷爷在四十年前开的。店里至今坚持用老面引子发面，面团要醒足三个小时。常宇说，爷爷定下的规矩是“面不发好不上笼”，一直没变过。</p>',
      '<p>大学毕业后，常宇在外地做过两年设计工作，后来决定回家接手包子铺。他新开发了酸菜猪肉、山野菜等口味，还开通了线上预订，附近写字楼的年轻人成了新客源。</p>',
      '<blockquote><p>“老顾客吃的是几十年的味道，年轻人吃的是新鲜感，两头都得照顾到，哪一头都不能怠慢。”说起经营心得，常宇这样总结。</p></blockquote>',
      '<p>父亲常宝林如今退居“二线”，每天早上还是会来店里转转，尝一口新出笼的包子。他说，儿子做的新口味他一开始看不惯，现在觉得“有点意思”。</p>',
    ].join('\n'),
    byline: '记者 高雅琴',
    source: '黑土网',
    rightsClass: 'exclusive',
    editor: '金美兰',
    responsibleEditor: '郑国栋',
    tags: ['老字号', '传承', '美食', '专稿'],
    hoursAgo: 55,
  },

  // 30 ── 江城 · 體育 · reprint · zh-Hant
  {
    key: 'jiangcheng-dragon-boat-invitational',
    language: 'zh-Hant',
    channels: ['jiangcheng', 'sports'],
    headline: '松花江上龍舟競渡 二十四支隊伍爭先',
    originalHeadline: '鼓聲震江城 百舸爭上游——第五屆江城端午龍舟邀請賽開賽 二十四支隊伍同場競渡',
    summary: '第五屆江城端午龍舟邀請賽在松花江吉林市區段開賽，二十四支來自高校、企業和社區的隊伍同場競渡。',
    dateline: { place: '吉林', source: '江城都市晨報', kind: '訊' },
    bodyHtml: [
      '<p>端午節當天上午，松花江吉林市區段江面上鑼鼓喧天，二十四條龍舟一字排開。隨著發令槍響，划手們奮力揮槳，龍舟如離弦之箭衝向終點，兩岸群眾歡呼聲不斷。</p>',
      '<p>本次邀請賽設兩百公尺直道競速和五百公尺環繞賽兩個項目，參賽隊伍來自省內外高校、企業和社區。比賽江段提前設置了安全警戒線，每條龍舟都配有救生員。</p>',
      '<p>一支由大學生組成的隊伍首次參賽就闖入決賽。鼓手、大三學生溫嘉怡說，隊員們利用課餘時間訓練了兩個月，手上都磨出了繭，“能划進決賽已經很開心了”。</p>',
      '<p>賽事期間，江邊廣場還舉辦了包粽子、掛香囊等民俗體驗活動，吸引不少市民帶著孩子參與。主辦單位表示，比賽已連續舉辦五年，正逐漸成為江城夏季的一張名片。</p>',
    ].join('\n'),
    byline: '記者 霍思琪',
    source: '江城都市晨報',
    rightsClass: 'reprint',
    editor: '孫雨桐',
    responsibleEditor: '韓冬梅',
    tags: ['龍舟', '端午', '水上運動'],
    hoursAgo: 96,
  },
];
