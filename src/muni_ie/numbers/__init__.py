"""Persian numbers: parse a phrase («دو میلیارد و پانصد میلیون» → 2500000000) or find them in text.

- :func:`parse_number` — value of a whole cardinal phrase (digits in any script, words, both).
- :func:`parse_ordinal` — value of a whole ordinal phrase («بیست و یکمین» → 21).
- :func:`find_numbers` — every number phrase in running text as :class:`NumberSpan`, with
  dates, times and phone numbers marked by ``kind`` and a bare «یک» flagged as a possible article.
"""

from .finder import NumberSpan, find_numbers
from .words import parse_number, parse_ordinal

__all__ = ["NumberSpan", "find_numbers", "parse_number", "parse_ordinal"]
