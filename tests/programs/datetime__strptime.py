# covers: datetime.strptime with numeric fields, month and day names, 12-hour clocks, microseconds, day of the year and %z offsets; its errors
from datetime import datetime

samples = [
    ("2024-03-01 12:30:05", "%Y-%m-%d %H:%M:%S"),
    ("1/2/24", "%m/%d/%y"),
    ("01 Mar 1999", "%d %b %Y"),
    ("march 5, 2024", "%B %d, %Y"),
    ("Fri 7:05 PM", "%a %I:%M %p"),
    ("12:00 am", "%I:%M %p"),
    ("10:20:30.25", "%H:%M:%S.%f"),
    ("2024-060", "%Y-%j"),
    ("2024-03-01T12:30:00+0200", "%Y-%m-%dT%H:%M:%S%z"),
    ("2024-03-01 12:30 -05:30", "%Y-%m-%d %H:%M %z"),
    ("2024-03-01 12:30 Z", "%Y-%m-%d %H:%M %z"),
    ("10%", "%d%%"),
    ("2024   03", "%Y %m"),
    ("20240301", "%Y%m%d"),
]
for text, fmt in samples:
    print(repr(datetime.strptime(text, fmt)))

for text, fmt in [("2024-13-01", "%Y-%m-%d"), ("2024-03-01 extra", "%Y-%m-%d"), ("2024-02-30", "%Y-%m-%d"), ("12", "%Q")]:
    try:
        datetime.strptime(text, fmt)
    except ValueError as e:
        print("ValueError:", e)
