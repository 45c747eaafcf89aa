"""PETRARCH and TABARI dictionaries converted to eventcoder's tables.

:mod:`.codes` splits actor codes into our country, sector and kind and reads TABARI dates;
:mod:`.names` writes PETRARCH's all-caps names in the case our matcher needs.
"""
