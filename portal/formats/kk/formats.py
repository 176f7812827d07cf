"""Kazakh date formats (Django ships none for kk): 2024 жылғы 7 мамыр, 07.05.2024."""

DATE_FORMAT = "Y \\ж\\ы\\л\\ғ\\ы j E"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "Y \\ж\\ы\\л\\ғ\\ы j E, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "Y \\ж\\ы\\л\\ғ\\ы F"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
