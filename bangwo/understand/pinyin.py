"""Chinese names spelt in pinyin, as people who do not type Chinese write them: 杨枝甘露 as "yangzhi ganlu".

The readings of each character come from pypinyin's table, read from its data file rather than through the
package: importing pypinyin loads its table of phrases too, some 45 MB a process for nothing the lexicon needs.
A character with several readings gives its first two (重庆: zhong or chong), so the spelling people use is among
those made; the table is read once, when the lexicon is built, and not kept.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

# Where one syllable ends and the next begins: people write a space there or not ("yangzhi ganlu").
SYLLABLE_BREAK = "\x1f"
# Mandarin's syllables, toneless (ü as v): what a word of pinyin is made of.
_SYLLABLES_SAID = (
    "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cei cen "
    "ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong "
    "cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die din ding diu dong dou du duan "
    "dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu "
    "gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo "
    "ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku "
    "kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long "
    "lou lu luan lue lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na "
    "nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nuo nv nve o ou pa pai "
    "pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu "
    "quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha "
    "shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan "
    "sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei "
    "wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo "
    "yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi "
    "zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo"
)
_SYLLABLES = frozenset(_SYLLABLES_SAID.split())
_LONGEST_SYLLABLE = 6
_READINGS_KEPT = 2
_SPELLINGS_KEPT = 6  # (a name of many characters with several readings each would make dozens)


def _toneless(reading: str) -> list[str]:
    """zhòng -> zhong; lǜ -> lu and lv: the letters without their tone marks, ü typed as u or as v."""
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return [letters.replace("v", "u"), letters] if "v" in letters else [letters]


@cache
def _readings_table() -> dict[str, str]:
    """pypinyin's readings by character code ("26472": "yáng"), most common first; empty without pypinyin."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _readings(ch: str, table: dict[str, str]) -> tuple[str, ...]:
    """A character's first readings, toneless, each once (only the names' characters are ever converted)."""
    said = table.get(str(ord(ch)))
    if not said:
        return ()
    kept = dict.fromkeys(letters for reading in said.split(",") for letters in _toneless(reading))
    return tuple(itertools.islice(kept, _READINGS_KEPT))


def spellings(name: str) -> list[str]:
    """The pinyin of a Chinese name of two characters or more, syllables joined by SYLLABLE_BREAK; [] for a name
    with anything but Chinese characters in it, or a character the table lacks."""
    table = _readings_table()
    if len(name) < 2 or not table:
        return []
    choices = [_readings(ch, table) for ch in name]
    if not all(choices):
        return []
    # Every character's first reading, then each character read its other way in turn (长沙: zhang sha, chang sha).
    first = [choice[0] for choice in choices]
    spelt = [first] + [[*first[:i], choice[1], *first[i + 1 :]] for i, choice in enumerate(choices) if len(choice) > 1]
    return [SYLLABLE_BREAK.join(syllables) for syllables in spelt[:_SPELLINGS_KEPT]]


def forget_readings() -> None:
    """Drops the table once the lexicon holds what it needed (about 12 MB)."""
    _readings_table.cache_clear()


def is_pinyin(word: str) -> bool:
    """Whether a lower-case word is made of Mandarin syllables only ("jidan", "chaofan", "dan"; not "order")."""
    if not word:
        return False
    ends = {0}  # where a run of whole syllables from the start may end
    for at in range(len(word)):
        if at in ends:
            ends.update(at + size for size in range(1, _LONGEST_SYLLABLE + 1) if word[at : at + size] in _SYLLABLES)
    return len(word) in ends


# How dishes' names end (饭 面 肉 汤 粥 串 粉): rice, noodles, meat, soup, congee, skewers, rice noodles.
_DISH_ENDINGS = ("fan", "mian", "rou", "tang", "zhou", "chuan", "fen")
_WORD = re.compile(r"[a-z]+")


def says_a_dish(text: str) -> bool:
    """Whether a dish is named in pinyin: a word of it ending as dishes end (chaofan, reganmian, niurou), or
    such an ending said after a word of pinyin (hongshao rou, dandan mian); "fan" alone is no dish."""
    words = _WORD.findall(text)
    for i, word in enumerate(words):
        if not word.endswith(_DISH_ENDINGS):
            continue
        if len(word) > 4 and is_pinyin(word):
            return True
        if word != "fan" and word in _DISH_ENDINGS and i > 0 and len(words[i - 1]) > 2 and is_pinyin(words[i - 1]):
            return True
    return False
