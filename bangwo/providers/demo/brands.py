"""The chains a delivery provider's directory knows by name, beyond the demo world's own shops.

People order by the chain: 麦当劳巨无霸套餐, 瑞幸生椰拿铁8杯, "12 egg tarts from KFC". Without knowing 麦当劳
is a shop, nothing in 麦当劳巨无霸套餐 says where the shop ends and the dish begins, nor that KFC's
chicken wings are cooked, not a supermarket's. The parser reads these names from here, as it reads
the catalogue's other names; the demo sells nothing under them, so the skills say the shop is not
available and offer what is.

Names that are everyday words too are left out, or said in full: 全家 (the whole family), 一点点 (a little),
多点, 外婆家, Subway (Subway Sandwiches), Metro (Metro Cash & Carry), Target.
"""

from __future__ import annotations

from bangwo.domain.catalogue import KnownBrand

# "中文 | English;", aliases after a slash (瑞幸/瑞幸咖啡 | Luckin/Luckin Coffee); a Latin name said in Chinese
# stands on the left too (Manner, Tims).
_FOOD = """
麦当劳 | McDonald's/McDonalds/Maccas; 肯德基 | KFC; 必胜客 | Pizza Hut; 汉堡王 | Burger King; 德克士 | Dicos;
华莱士 | Wallace; 塔斯汀 | Tastien; 赛百味 | Subway Sandwiches; 达美乐 | Domino's/Dominos; 棒约翰 | Papa John's;
星巴克 | Starbucks; 瑞幸/瑞幸咖啡 | Luckin/Luckin Coffee; 库迪/库迪咖啡 | Cotti/Cotti Coffee; 喜茶 | Heytea/Hey Tea;
奈雪的茶/奈雪 | Nayuki; 蜜雪冰城 | Mixue; 茶百道 | ChaPanda; 古茗 | Goodme/Gu Ming; 沪上阿姨 | Auntea Jenny;
书亦烧仙草 | Shuyi;
霸王茶姬 | Chagee; 茶颜悦色 | Sexy Tea; 乐乐茶 | Lelecha; 益禾堂 | Yihetang; CoCo都可/CoCo | Coco; 海底捞 | Haidilao;
西贝/西贝莜面村 | Xibei; 老乡鸡 | Lao Xiang Ji; 真功夫 | Real Kungfu; 永和大王 | Yonghe King; 呷哺呷哺 | Xiabu Xiabu;
太二/太二酸菜鱼 | Tai Er; 鼎泰丰 | Din Tai Fung; 85度C | 85C; 味千拉面 | Ajisen Ramen; 吉野家 | Yoshinoya;
九毛九 | Jiumaojiu; 和府捞面 | Hefu Noodle; 马记永 | Majiyong; Manner/Manner咖啡 | Manner Coffee;
Tims/Tims咖啡 | Tim Hortons; Costa/Costa咖啡 | Costa Coffee; 五十岚/50岚 | 50 Lan; 清心福全 | Ching Shin;
迷客夏 | Milksha; 路易莎 | Louisa Coffee; 八方云集 | Bafang Dumpling; 可不可熟成红茶 | Kebuke;
春水堂 | Chun Shui Tang; 麻古茶坊 | Macu Tea; 大苑子 | Dayungs; 茶汤会 | TP Tea;
Wingstop | Wingstop; 温蒂汉堡 | Wendy's; 塔可钟 | Taco Bell; Chipotle | Chipotle; Five Guys | Five Guys;
Shake Shack | Shake Shack; 派派思 | Popeyes; 唐恩都乐 | Dunkin'/Dunkin; 卡卡圈坊 | Krispy Kreme;
熊猫快餐 | Panda Express; Sweetgreen | Sweetgreen; Pret | Pret A Manger;
大家乐 | Café de Coral/Cafe de Coral; 大快活 | Fairwood; 美心/美心西饼 | Maxim's; 翠华/翠华餐厅 | Tsui Wah;
谭仔/谭仔云南米线 | TamJai; 太兴 | Tai Hing; 稻香 | Tao Heung; 好利来 | Holiland; 贡茶 | Gong Cha; 一芳 | Yifang;
亚坤 | Ya Kun; 土司工坊 | Toast Box; 面包物语 | BreadTalk; 老曾记 | Old Chang Kee; Secret Recipe | Secret Recipe;
Tealive | Tealive; Chatime | Chatime; 快乐蜂 | Jollibee; 南度士 | Nando's;
一点点/1点点 | Alittle Tea/Yidiandian/Yi Dian Dian; 沙县小吃 | Shaxian Snacks; 杨国福/杨国福麻辣烫 | Yang Guofu;
张亮麻辣烫 | Zhang Liang Malatang; 周黑鸭 | Zhou Hei Ya; 绝味/绝味鸭脖 | Juewei; 全聚德 | Quanjude;
点都德 | Dian Dou De; 陶陶居 | Tao Tao Ju; 袁记云饺 | Yuan Ji Dumplings; 鲍师傅 | Bao Shifu; 小龙坎 | Xiaolongkan;
萨莉亚 | Saizeriya; 南京大牌档 | Nanjing Impressions; 探鱼 | Tanyu; 费大厨 | Fei Dachu; 正新鸡排 | Zhengxin Chicken;
巴奴/巴奴毛肚火锅 | Banu Hotpot; 湊湊/凑凑 | Coucou Hotpot; 文和友 | Wenheyou; 木屋烧烤 | Muwu BBQ;
喜家德 | Xijiade; 眉州东坡 | Meizhou Dongpo; 云海肴 | Yunhaiyao; 添好运 | Tim Ho Wan; 阿香米线 | A Xiang Rice Noodles;
蒙自源 | Mengziyuan; 陈香贵 | Chen Xiang Gui; 老娘舅 | Laoniangjiu; 南城香 | Nanchengxiang; 遇见小面 | Yujian Noodles;
庆丰包子铺/庆丰包子 | Qingfeng Steamed Dumplings; 嘉和一品 | Jiahe Yipin; 茶话弄 | Chahuanong; 柠季 | Ningji;
甜啦啦 | Tianlala; 爷爷不泡茶 | Grandpa's Tea; 挪瓦咖啡 | Nowwa Coffee;
幸运咖 | Lucky Cup; 皮爷咖啡/Peet's | Peet's Coffee; M Stand | M Stand; 巴黎贝甜 | Paris Baguette;
味多美 | Wedome; 面包新语 | BreadTalk Bakery; 食其家 | Sukiya; Seesaw/Seesaw咖啡 | Seesaw Coffee
"""
_GROCERY = """
盒马/盒马鲜生 | Hema/Freshippo; 永辉/永辉超市 | Yonghui; 大润发 | RT-Mart; 物美 | Wumart; 华润万家 | Vanguard;
沃尔玛 | Walmart; 山姆/山姆会员店 | Sam's Club/Sams Club; 家乐福 | Carrefour; 麦德龙 | Metro Cash & Carry;
叮咚买菜/叮咚 | Dingdong;
朴朴/朴朴超市 | Pupu; 美团买菜 | Meituan Grocery; 京东到家 | JD Daojia; 7-11/7-Eleven | 7 Eleven; 罗森 | Lawson;
美宜佳 | Meiyijia; 便利蜂 | Bianlifeng; 好市多/开市客 | Costco; 全联 | PX Mart; 奥乐齐 | Aldi;
Whole Foods | Whole Foods; Trader Joe's | Trader Joe's; Kroger | Kroger; Safeway | Safeway;
Publix | Publix; Tesco | Tesco; Instacart | Instacart;
百佳 | PARKnSHOP/Park n Shop; 惠康 | Wellcome; 永旺/AEON | AEON; 城市超市/city'super | city'super;
职总平价/FairPrice | NTUC FairPrice/FairPrice; 昇菘 | Sheng Siong; Cold Storage | Cold Storage; RedMart | RedMart;
Jaya Grocer | Jaya Grocer; Mydin | Mydin; Lotus's | Lotus's;
钱大妈 | Qian Dama/Qian Da Ma; 百果园 | Pagoda; Ole'/Ole/Ole精品超市 | Ole' Supermarket; 华联/华联超市 | Hualian;
世纪联华/联华超市 | Lianhua; 京东超市/京东 | JD Supermarket/JD.com/JD; 天猫超市 | Tmall Supermarket;
小象超市 | Xiaoxiang Supermarket; 七鲜/7FRESH | 7Fresh; 全家便利店 | FamilyMart; 美团优选 | Meituan Youxuan;
Sainsbury's | Sainsbury's; Waitrose | Waitrose; Lidl | Lidl; H Mart | H Mart; 99大华 | 99 Ranch;
Woolworths | Woolworths; Coles | Coles; Weee! | Weee;
三只松鼠 | Three Squirrels; 良品铺子 | Bestore; 来伊份 | Laiyifen; 百草味 | Be&Cheery
"""
# Cinema chains by their names (one the directory lacks, said with 影城, is read by its kind: 某某影城).
_CINEMAS = """
CGV | CGV Cinemas; AMC | AMC Theatres; Regal | Regal Cinemas; Cinemark | Cinemark; Cineworld | Cineworld;
Odeon | Odeon Cinemas; Golden Village | GV Cinemas; Cathay Cineplexes | Cathay Cineplexes;
Shaw Theatres | Shaw Theatres; 百老汇/百老汇影城/百老汇电影中心 | Broadway Cinemas/Broadway Cinema;
万达影城/万达电影/万达 | Wanda Cinemas/Wanda Cinema/Wanda; UME影城/UME 影城/UME | UME Cinemas/UME Cinema;
博纳影城/博纳 | Bona Cinemas/Bona Cinema/Bona; 金逸影城/金逸 | Jinyi Cinemas/Jinyi Cinema/Jinyi;
卢米埃影城/卢米埃 | Lumiere Pavilions/Lumiere Cinemas; 嘉禾影城/嘉禾 | Golden Harvest;
英皇戏院/英皇电影城 | Emperor Cinemas; 大地影院 | Dadi Cinema; 中影国际影城 | China Film Cinemas;
星美/星美影城 | Stellar Cinemas; 耀莱/耀莱成龙影城 | Jackie Chan Cinema; 横店电影城/横店影城 | Hengdian Cinemas;
保利国际影城/保利影城 | Poly Cinemas;
GSC | Golden Screen Cinemas; TGV | TGV Cinemas; UA/UA戏院 | UA Cinemas; MCL/MCL戏院 | MCL Cinemas
"""

# Hotel chains (said in full where the short name is a place or a word: 维也纳酒店, 桔子酒店, 7天酒店, 香格里拉酒店).
_HOTELS = """
全季/全季酒店 | Ji Hotel/JI Hotel; 汉庭/汉庭酒店 | Hanting/Hanting Hotel; 如家/如家酒店 | Home Inn/Home Inns;
亚朵/亚朵酒店 | Atour/Atour Hotel; 锦江之星 | Jinjiang Inn; 7天酒店/7天连锁酒店 | 7 Days Inn; 维也纳酒店 | Vienna Hotel;
桔子酒店 | Orange Hotel; 城市便捷酒店 | City Comfort Inn; 希尔顿/希尔顿酒店 | Hilton; 万豪/万豪酒店 | Marriott;
喜来登/喜来登酒店 | Sheraton; 洲际/洲际酒店 | InterContinental; 假日酒店 | Holiday Inn; 皇冠假日 | Crowne Plaza;
香格里拉酒店/香格里拉大酒店 | Shangri-La Hotel; 凯悦/凯悦酒店 | Hyatt; 威斯汀 | Westin; 宜必思 | ibis;
诺富特 | Novotel; 丽思卡尔顿 | Ritz-Carlton; 速8酒店 | Super 8
"""


def _brands(table: str, category: str) -> tuple[KnownBrand, ...]:
    brands = []
    for pair in table.replace("\n", " ").split(";"):
        if pair.strip():
            zh_part, en_part = (part.strip() for part in pair.split("|"))
            zh_names, en_names = zh_part.split("/"), en_part.split("/")
            brands.append(KnownBrand(zh_names[0], en_names[0], category, (*zh_names[1:], *en_names[1:])))
    return tuple(brands)


KNOWN_BRANDS = (
    _brands(_FOOD, "food") + _brands(_GROCERY, "grocery") + _brands(_CINEMAS, "movie") + _brands(_HOTELS, "hotel")
)
