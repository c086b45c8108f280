"""What a long message tells before it asks: the sentences of backstory that come before the request.

"Our manager is flying in from Shenzhen on Wednesday, she's sorted her own ticket. What I need is lunch for
today: …"; "We're doing a girls' trip to Shanghai. I'm only in charge of accommodation, Lily is doing flights.
Book a room near the Bund …": the first sentences say what happens around the request, and a booking they
seem to name is no part of it. Those sentences still say where and when (I'm travelling to Xi'an. Find me a
hotel …), so they are read with the rest, and the parser only lets the request outweigh them: a request of
another kind than what is asked is dropped (Parser._frames), a day or a dish said in the request outweighs
those of the story, and what the story says of a film or a meal is no question or talk (the `told_until`
of the stages). A question is never backstory: 还有票吗？帮我查一下 looks up what it asked.
"""

from __future__ import annotations

from bangwo.understand.text import compiled, letter_led

# A sentence ends at a full stop or an exclamation (not a decimal point or an abbreviation's dot); a question
# mark ends one that asks.
# (Every alternative starts with its own character, so that re skips to the next one in C.)
_SENTENCE_END = compiled(r"。[。！!]*|！[。！!]*|![。！!]*|……*|\.(?<![\d.]\.)(?=\s)|？[？?]*|\?[？?]*")
# What a request says: asking for help, or a verb that orders, books, looks up or cancels.
_ASKS = compiled(
    r"帮|麻烦|请|给我|我要|我想要|我想订|我想点|我想买|能不能|可不可以|可以|订|点一|点个|点份|点杯|点两|买|来一|来两|来个|"
    r"来份|来杯|叫个|查|看看|取消|退掉|退了"
    + "|"
    + letter_led(
        # (what the person needs or wants, not what others do: "my parents want to go too")
        "can you|could you|would you|can u|could u|can i|could i|pls|please|plz|i need|we need|need a|need an"
        "|need some|need to|i'd like|i would like|we'd like|i want|we want|wanna|what i need|book|get|order|buy"
        "|find|look up|check|cancel|reserve|send|bring|deliver|gimme|fly",
        then=r"\b",
    )
)


# A story has someone doing something in it (or greets); an English sentence with no subject and no verb that
# tells is typed as a request ("Saturday morning, Shanghai to Beijing, one seat.", "For lunch, braised chicken rice
# for me and beef noodle soup for my colleague.").
_SOMEONE_EN = compiled(
    letter_led(
        "i|we|he|she|they|it|there|here|is|are|was|were|am|has|have|had|will|would"
        "|wants|needs|says|said|told|asked|thinks|likes|loves|goes|comes|got|gets|did|does"
        "|good morning|good afternoon|good evening|hello|hi|hey",
        then=r"\b",
    )
    + r"|'(?:s|re|m|ve|ll|d)\b"  # "Work's sending me to Chengdu", "we're flying"
)
_LETTER = compiled("[a-z]")


def asks(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] asks for something: a word that asks, or an English sentence with no one in it."""
    if _ASKS.search(text, start, end) is not None:
        return True
    sentence = text[start:end]
    return sentence.isascii() and _LETTER.search(sentence) is not None and _SOMEONE_EN.search(sentence) is None


def request_start(text: str) -> int:
    """Where the first sentence that asks begins; 0 when that is the first sentence or none asks."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0)[0] in "？?" or asks(text, start, m.end()):
            return start
        start = m.end()
    return start if 0 < start < len(text) and _ASKS.search(text, start) is not None else 0


# The ask after a pause in the same sentence: 9月1号孩子开学，帮我订8月31号…, 明天一早要到杭州开会 帮我订今晚…
# (each alternative starts with its own character, the pause looked behind it, so that re skips ahead in C)
_HELP_AFTER_A_PAUSE = compiled(r"帮(?=我|忙)(?<=[，,\s]帮)|麻(?=烦)(?<=[，,\s]麻)|请(?=帮|你帮)(?<=[，,\s]请)")


def asked_after_a_told_clause(text: str) -> int:
    """Where 帮我 (or 麻烦, 请帮) starts after a clause that asks nothing, so that a day said in what follows
    outweighs the day that clause tells of; 0 when none does."""
    m = _HELP_AFTER_A_PAUSE.search(text)
    if m is None or _ASKS.search(text, 0, m.start()) is not None:
        return 0
    return m.start()
