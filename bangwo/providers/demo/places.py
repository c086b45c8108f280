"""The demo world's cities and the landmarks people book near. Offsets are metres east, north of the centre."""

from __future__ import annotations

from bangwo.domain.catalogue import City, Landmark
from bangwo.domain.geo import Point, offset_point

# Aliases: nicknames (魔都, 冰城, 羊城, 蓉城) and the two letters people type for the big cities (SH, BJ, GZ, SZ, HZ).
CITIES = (
    City("hangzhou", "杭州", "Hangzhou", Point(30.2741, 120.1551), ("HZ",)),
    City("shanghai", "上海", "Shanghai", Point(31.2304, 121.4737), ("魔都", "SH")),
    City("beijing", "北京", "Beijing", Point(39.9042, 116.4074), ("帝都", "Peking", "BJ")),
    City("guangzhou", "广州", "Guangzhou", Point(23.1291, 113.2644), ("Canton", "GZ", "羊城", "花城")),
    City("shenzhen", "深圳", "Shenzhen", Point(22.5431, 114.0579), ("SZ", "鹏城")),
    City("chengdu", "成都", "Chengdu", Point(30.5728, 104.0668), ("蓉城",)),
    City("sanya", "三亚", "Sanya", Point(18.2528, 109.5119)),
    City("xian", "西安", "Xi'an", Point(34.3416, 108.9398), ("Xian", "Xi an")),
    City("harbin", "哈尔滨", "Harbin", Point(45.8038, 126.5350), ("冰城",)),
    City("kunming", "昆明", "Kunming", Point(25.0389, 102.7183), ("春城",)),
)
CITY_BY_ID = {city.id: city for city in CITIES}

# (city, id, 中文, English, east m, north m, aliases)
_LANDMARKS: tuple[tuple[str, str, str, str, int, int, tuple[str, ...]], ...] = (
    ("shanghai", "bund", "外滩", "the Bund", 1200, 800, ("Bund", "The Bund")),
    ("shanghai", "lujiazui", "陆家嘴", "Lujiazui", 2600, 600, ("Lujiazui Financial District",)),
    ("shanghai", "peoples-square", "人民广场", "People's Square", -300, 100, ("Peoples Square",)),
    (
        "shanghai",
        "nanjing-road",
        "南京路",
        "Nanjing Road",
        400,
        500,
        ("南京路步行街", "Nanjing Road Pedestrian Street"),
    ),
    ("shanghai", "disneyland", "迪士尼", "Shanghai Disneyland", 21000, -9000, ("迪士尼乐园", "Disneyland", "Disney")),
    ("shanghai", "hongqiao", "虹桥火车站", "Hongqiao Railway Station", -17000, -1500, ("虹桥站", "Hongqiao Station")),
    ("hangzhou", "west-lake", "西湖", "West Lake", -2000, -500, ("西湖边", "Xihu")),
    ("hangzhou", "lingyin", "灵隐寺", "Lingyin Temple", -7000, 300, ("Lingyin",)),
    ("hangzhou", "xixi", "西溪湿地", "Xixi Wetland", -11000, 2500, ("Xixi Wetland Park",)),
    ("hangzhou", "east-station", "杭州东站", "Hangzhou East Station", 6500, 2000, ("东站",)),
    ("hangzhou", "wulin", "武林广场", "Wulin Square", 200, 1800, ("Wulin",)),
    ("beijing", "wangfujing", "王府井", "Wangfujing", 700, 300, ("王府井大街", "Wangfujing Street")),
    (
        "beijing",
        "forbidden-city",
        "故宫",
        "the Forbidden City",
        -400,
        1000,
        ("紫禁城", "Forbidden City", "Palace Museum"),
    ),
    ("beijing", "tiananmen", "天安门", "Tiananmen", -500, 0, ("天安门广场", "Tiananmen Square")),
    ("beijing", "sanlitun", "三里屯", "Sanlitun", 5200, 2500, ()),
    ("beijing", "guomao", "国贸", "Guomao", 6800, -200, ("CBD", "China World")),
    ("beijing", "summer-palace", "颐和园", "the Summer Palace", -15000, 11000, ("Summer Palace",)),
    ("guangzhou", "canton-tower", "广州塔", "Canton Tower", 1500, -3000, ("小蛮腰",)),
    ("guangzhou", "zhujiang-new-town", "珠江新城", "Zhujiang New Town", 2500, -1500, ()),
    ("guangzhou", "beijing-road", "北京路", "Beijing Road", -200, 200, ("北京路步行街",)),
    ("shenzhen", "window-of-the-world", "世界之窗", "Window of the World", -9000, 0, ()),
    ("shenzhen", "shenzhen-bay", "深圳湾", "Shenzhen Bay", -8000, -2000, ("深圳湾公园", "Shenzhen Bay Park")),
    ("shenzhen", "huaqiangbei", "华强北", "Huaqiangbei", 1500, 500, ()),
    ("chengdu", "chunxi-road", "春熙路", "Chunxi Road", 800, 100, ()),
    ("chengdu", "kuanzhai", "宽窄巷子", "Kuanzhai Alley", -1500, 300, ("Wide and Narrow Alley",)),
    ("chengdu", "panda-base", "大熊猫基地", "the Panda Base", 4000, 9000, ("熊猫基地", "Panda Base")),
    ("sanya", "yalong-bay", "亚龙湾", "Yalong Bay", 17000, -4000, ()),
    ("sanya", "sanya-bay", "三亚湾", "Sanya Bay", -3000, 0, ()),
    ("sanya", "haitang-bay", "海棠湾", "Haitang Bay", 28000, 8000, ()),
    ("sanya", "tianya-haijiao", "天涯海角", "Tianya Haijiao", -20000, -2000, ("End of the Earth",)),
    ("xian", "big-wild-goose-pagoda", "大雁塔", "the Big Wild Goose Pagoda", 500, -4500, ("Big Wild Goose Pagoda",)),
    ("xian", "bell-tower", "钟楼", "the Bell Tower", 0, 0, ("Bell Tower",)),
    ("xian", "muslim-quarter", "回民街", "the Muslim Quarter", -300, 200, ("Muslim Quarter",)),
    ("harbin", "central-street", "中央大街", "Central Street", -1500, 1000, ("Zhongyang Street",)),
    ("harbin", "ice-and-snow-world", "冰雪大世界", "Ice and Snow World", -3000, 5000, ("Harbin Ice and Snow World",)),
    (
        "harbin",
        "st-sophia",
        "圣索菲亚教堂",
        "Saint Sophia Cathedral",
        -800,
        600,
        ("索菲亚教堂", "St. Sophia Cathedral"),
    ),
    ("kunming", "dianchi", "滇池", "Dianchi Lake", -5000, -9000, ("Dian Lake",)),
    ("kunming", "green-lake", "翠湖", "Green Lake", -600, 800, ("翠湖公园", "Green Lake Park")),
)

LANDMARKS = tuple(
    Landmark(f"{city}-{key}", city, zh, en, offset_point(CITY_BY_ID[city].centre, east, north), aliases)
    for city, key, zh, en, east, north, aliases in _LANDMARKS
)
