/**
 * Choices of the personal-information form (the seed's 个人中心 fields). Data, shared by the API's
 * validation and the web forms.
 */

/** The 56 ethnic groups of China (GB 3304 order), plus the two residual categories GB 3304 has. */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
  '其他',
  '外国血统中国籍人士',
] as const;

/** 户口性质. */
export const HUKOU_TYPES = ['城镇', '农村', '居民户口'] as const;

/** 文化程度. */
export const EDUCATION_LEVELS = ['初中及以下', '高中', '中专/中技/职高', '专科', '本科', '研究生'] as const;

/** 职业. */
export const OCCUPATIONS = [
  '在校学生',
  '国家机关、党群组织、企事业单位负责人',
  '专业技术人员',
  '办事人员和有关人员',
  '商业、服务业人员',
  '农、林、牧、渔、水利业生产人员',
  '生产、运输设备操作人员及有关人员',
  '军人',
  '待业',
  '其他',
] as const;

/** 政治面貌 (GB/T 4762). */
export const POLITICAL_STATUSES = [
  '中共党员',
  '中共预备党员',
  '共青团员',
  '民革党员',
  '民盟盟员',
  '民建会员',
  '民进会员',
  '农工党党员',
  '致公党党员',
  '九三学社社员',
  '台盟盟员',
  '无党派人士',
  '群众',
] as const;
