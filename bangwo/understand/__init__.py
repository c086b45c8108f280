"""Text to intent frames: lexicon from the live catalogue, numbers, times, rules."""

from bangwo.understand.lexicon import Lexicon
from bangwo.understand.parser import Parser

__all__ = ["Lexicon", "Parser"]
