"""The cities the demo world's map knows by name, beyond the ten it sells in (places.CITIES).

A travel provider's map names every city people fly to and stay in, whether or not it sells
there. The parser reads them from here, as it reads the catalogue's other names, to tell the
city from the landmark in 南京夫子庙附近 or 重庆解放碑: without knowing 南京 is a city, nothing
in the sentence says where the city ends. Nothing is sold in them: the skills answer that
they are not served yet, as for any city the catalogue lacks.
"""

from __future__ import annotations

from bangwo.domain.catalogue import MappedCity

# "中文 English;" by province: China's municipalities and prefecture-level cities, and the towns and
# scenic areas people travel to by name (乌镇, 九寨沟). Left out where the everyday word is far more often meant:
# 三明 (三明治, a sandwich), 普洱 (the tea), 来宾 (guests), 白银 (silver).
_CHINA = """
天津 Tianjin; 重庆 Chongqing;
石家庄 Shijiazhuang; 唐山 Tangshan; 秦皇岛 Qinhuangdao; 邯郸 Handan; 邢台 Xingtai; 保定 Baoding; 张家口 Zhangjiakou;
承德 Chengde; 沧州 Cangzhou; 廊坊 Langfang; 衡水 Hengshui;
太原 Taiyuan; 大同 Datong; 阳泉 Yangquan; 长治 Changzhi; 晋城 Jincheng; 朔州 Shuozhou; 晋中 Jinzhong; 运城 Yuncheng;
忻州 Xinzhou; 临汾 Linfen; 吕梁 Lüliang; 平遥 Pingyao;
呼和浩特 Hohhot; 包头 Baotou; 乌海 Wuhai; 赤峰 Chifeng; 通辽 Tongliao; 鄂尔多斯 Ordos; 呼伦贝尔 Hulunbuir;
巴彦淖尔 Bayannur;
乌兰察布 Ulanqab; 满洲里 Manzhouli; 阿尔山 Arxan;
沈阳 Shenyang; 大连 Dalian; 鞍山 Anshan; 抚顺 Fushun; 本溪 Benxi; 丹东 Dandong; 锦州 Jinzhou; 营口 Yingkou;
阜新 Fuxin;
辽阳 Liaoyang; 盘锦 Panjin; 铁岭 Tieling; 葫芦岛 Huludao;
长春 Changchun; 吉林 Jilin; 四平 Siping; 辽源 Liaoyuan; 通化 Tonghua; 白山 Baishan; 松原 Songyuan; 白城 Baicheng;
延吉 Yanji; 长白山 Changbai Mountain;
齐齐哈尔 Qiqihar; 鸡西 Jixi; 鹤岗 Hegang; 双鸭山 Shuangyashan; 大庆 Daqing; 伊春 Yichun; 佳木斯 Jiamusi;
七台河 Qitaihe;
牡丹江 Mudanjiang; 黑河 Heihe; 绥化 Suihua; 漠河 Mohe;
南京 Nanjing; 无锡 Wuxi; 徐州 Xuzhou; 常州 Changzhou; 苏州 Suzhou; 南通 Nantong; 连云港 Lianyungang; 淮安 Huai'an;
盐城 Yancheng; 扬州 Yangzhou; 镇江 Zhenjiang; 泰州 Taizhou; 宿迁 Suqian; 昆山 Kunshan; 周庄 Zhouzhuang; 同里 Tongli;
宁波 Ningbo; 温州 Wenzhou; 嘉兴 Jiaxing; 湖州 Huzhou; 绍兴 Shaoxing; 金华 Jinhua; 衢州 Quzhou; 舟山 Zhoushan;
台州 Taizhou; 丽水 Lishui; 义乌 Yiwu; 乌镇 Wuzhen; 千岛湖 Qiandao Lake; 普陀山 Putuoshan; 西塘 Xitang;
合肥 Hefei; 芜湖 Wuhu; 蚌埠 Bengbu; 淮南 Huainan; 马鞍山 Ma'anshan; 淮北 Huaibei; 铜陵 Tongling; 安庆 Anqing;
黄山 Huangshan; 滁州 Chuzhou; 阜阳 Fuyang; 宿州 Suzhou; 六安 Lu'an; 亳州 Bozhou; 池州 Chizhou; 宣城 Xuancheng;
福州 Fuzhou; 厦门 Xiamen; 莆田 Putian; 泉州 Quanzhou; 漳州 Zhangzhou; 南平 Nanping; 龙岩 Longyan;
宁德 Ningde; 武夷山 Wuyishan;
南昌 Nanchang; 景德镇 Jingdezhen; 萍乡 Pingxiang; 九江 Jiujiang; 新余 Xinyu; 鹰潭 Yingtan; 赣州 Ganzhou; 吉安 Ji'an;
宜春 Yichun; 抚州 Fuzhou; 上饶 Shangrao; 婺源 Wuyuan; 庐山 Lushan;
济南 Jinan; 青岛 Qingdao; 淄博 Zibo; 枣庄 Zaozhuang; 东营 Dongying; 烟台 Yantai; 潍坊 Weifang; 济宁 Jining;
泰安 Tai'an;
威海 Weihai; 日照 Rizhao; 临沂 Linyi; 德州 Dezhou; 聊城 Liaocheng; 滨州 Binzhou; 菏泽 Heze; 曲阜 Qufu; 蓬莱 Penglai;
郑州 Zhengzhou; 开封 Kaifeng; 洛阳 Luoyang; 平顶山 Pingdingshan; 安阳 Anyang; 鹤壁 Hebi; 新乡 Xinxiang; 焦作 Jiaozuo;
濮阳 Puyang; 许昌 Xuchang; 漯河 Luohe; 三门峡 Sanmenxia; 南阳 Nanyang; 商丘 Shangqiu; 信阳 Xinyang; 周口 Zhoukou;
驻马店 Zhumadian;
武汉 Wuhan; 黄石 Huangshi; 十堰 Shiyan; 宜昌 Yichang; 襄阳 Xiangyang; 鄂州 Ezhou; 荆门 Jingmen; 孝感 Xiaogan;
荆州 Jingzhou; 黄冈 Huanggang; 咸宁 Xianning; 随州 Suizhou; 恩施 Enshi; 神农架 Shennongjia;
长沙 Changsha; 株洲 Zhuzhou; 湘潭 Xiangtan; 衡阳 Hengyang; 邵阳 Shaoyang; 岳阳 Yueyang; 常德 Changde;
张家界 Zhangjiajie; 益阳 Yiyang; 郴州 Chenzhou; 永州 Yongzhou; 怀化 Huaihua; 娄底 Loudi; 凤凰古城 Fenghuang;
韶关 Shaoguan; 珠海 Zhuhai; 汕头 Shantou; 佛山 Foshan; 江门 Jiangmen; 湛江 Zhanjiang; 茂名 Maoming; 肇庆 Zhaoqing;
惠州 Huizhou; 梅州 Meizhou; 汕尾 Shanwei; 河源 Heyuan; 阳江 Yangjiang; 清远 Qingyuan; 东莞 Dongguan; 中山 Zhongshan;
潮州 Chaozhou; 揭阳 Jieyang; 云浮 Yunfu;
南宁 Nanning; 柳州 Liuzhou; 桂林 Guilin; 梧州 Wuzhou; 北海 Beihai; 防城港 Fangchenggang; 钦州 Qinzhou; 贵港 Guigang;
玉林 Yulin; 百色 Baise; 贺州 Hezhou; 河池 Hechi; 崇左 Chongzuo; 阳朔 Yangshuo;
海口 Haikou; 三沙 Sansha; 儋州 Danzhou; 万宁 Wanning; 琼海 Qionghai; 陵水 Lingshui;
自贡 Zigong; 攀枝花 Panzhihua; 泸州 Luzhou; 德阳 Deyang; 绵阳 Mianyang; 广元 Guangyuan; 遂宁 Suining; 内江 Neijiang;
乐山 Leshan; 南充 Nanchong; 眉山 Meishan; 宜宾 Yibin; 广安 Guang'an; 达州 Dazhou; 雅安 Ya'an; 巴中 Bazhong;
资阳 Ziyang;
西昌 Xichang; 九寨沟 Jiuzhaigou; 峨眉山 Mount Emei; 稻城 Daocheng; 康定 Kangding; 都江堰 Dujiangyan;
贵阳 Guiyang; 六盘水 Liupanshui; 遵义 Zunyi; 安顺 Anshun; 毕节 Bijie; 铜仁 Tongren; 凯里 Kaili; 荔波 Libo;
黔东南 Qiandongnan;
曲靖 Qujing; 玉溪 Yuxi; 保山 Baoshan; 昭通 Zhaotong; 丽江 Lijiang; 临沧 Lincang; 大理 Dali;
西双版纳 Xishuangbanna; 景洪 Jinghong; 香格里拉 Shangri-La; 腾冲 Tengchong; 泸沽湖 Lugu Lake; 楚雄 Chuxiong;
蒙自 Mengzi;
建水 Jianshui; 迪庆 Diqing;
拉萨 Lhasa; 日喀则 Shigatse; 昌都 Qamdo; 林芝 Linzhi; 山南 Shannan; 那曲 Naqu;
铜川 Tongchuan; 宝鸡 Baoji; 咸阳 Xianyang; 渭南 Weinan; 延安 Yan'an; 汉中 Hanzhong; 榆林 Yulin; 安康 Ankang;
商洛 Shangluo;
兰州 Lanzhou; 嘉峪关 Jiayuguan; 金昌 Jinchang; 天水 Tianshui; 武威 Wuwei; 张掖 Zhangye; 平凉 Pingliang;
酒泉 Jiuquan; 庆阳 Qingyang; 定西 Dingxi; 陇南 Longnan; 敦煌 Dunhuang; 甘南 Gannan;
西宁 Xining; 海东 Haidong; 格尔木 Golmud; 青海湖 Qinghai Lake;
银川 Yinchuan; 石嘴山 Shizuishan; 吴忠 Wuzhong; 固原 Guyuan; 中卫 Zhongwei;
乌鲁木齐 Urumqi; 克拉玛依 Karamay; 吐鲁番 Turpan; 哈密 Hami; 喀什 Kashgar; 伊宁 Yining; 阿勒泰 Altay;
库尔勒 Korla; 阿克苏 Aksu;
和田 Hotan; 伊犁 Ili; 喀纳斯 Kanas; 石河子 Shihezi;
香港 Hong Kong; 澳门 Macau; 台北 Taipei; 高雄 Kaohsiung; 台中 Taichung; 台南 Tainan; 花莲 Hualien; 垦丁 Kenting;
台东 Taitung; 宜兰 Yilan; 基隆 Keelung; 新竹 Hsinchu; 嘉义 Chiayi; 屏东 Pingtung; 桃园 Taoyuan; 新北 New Taipei;
南投 Nantou; 澎湖 Penghu; 金门 Kinmen; 马祖 Matsu; 日月潭 Sun Moon Lake; 九份 Jiufen; 阿里山 Alishan; 礁溪 Jiaoxi;
绿岛 Green Island;
"""
# The cities abroad most often flown to from China.
_ABROAD = """
东京 Tokyo; 大阪 Osaka; 京都 Kyoto; 福冈 Fukuoka; 名古屋 Nagoya;
北海道 Hokkaido; 札幌 Sapporo; 冲绳 Okinawa; 首尔 Seoul; 釜山 Busan; 济州岛 Jeju;
曼谷 Bangkok; 清迈 Chiang Mai; 普吉岛 Phuket; 芭提雅 Pattaya; 新加坡 Singapore; 吉隆坡 Kuala Lumpur; 槟城 Penang;
巴厘岛 Bali; 河内 Hanoi; 胡志明市 Ho Chi Minh City; 岘港 Da Nang; 芽庄 Nha Trang; 马尼拉 Manila; 迪拜 Dubai;
伦敦 London;
巴黎 Paris; 罗马 Rome; 米兰 Milan; 威尼斯 Venice; 巴塞罗那 Barcelona; 马德里 Madrid; 柏林 Berlin; 慕尼黑 Munich;
阿姆斯特丹 Amsterdam; 苏黎世 Zurich; 维也纳 Vienna; 布拉格 Prague; 纽约 New York; 洛杉矶 Los Angeles;
旧金山 San Francisco;
西雅图 Seattle; 芝加哥 Chicago; 拉斯维加斯 Las Vegas; 温哥华 Vancouver; 多伦多 Toronto; 悉尼 Sydney; 墨尔本 Melbourne;
奥克兰 Auckland; 马尔代夫 Maldives;
"""


# The nicknames a city is called by as often as its name, and HK by its letters (the cities sold in have theirs in
# places.CITIES).
_NICKNAMES = {
    "济南": ("泉城",), "厦门": ("鹭岛",), "重庆": ("山城", "雾都"), "武汉": ("江城",), "长沙": ("星城",),
    "福州": ("榕城",), "南京": ("金陵",), "青岛": ("岛城",), "香港": ("HK",),
}


def _pairs(table: str) -> tuple[MappedCity, ...]:
    named = (pair.strip().split(" ", 1) for pair in table.replace("\n", " ").split(";") if pair.strip())
    return tuple(MappedCity(zh, en, _NICKNAMES.get(zh, ())) for zh, en in named)


MAPPED_CITIES = _pairs(_CHINA) + _pairs(_ABROAD)
