# The CPython documentation's "Display the current date with call_later()",
# printing the loop's clock where it prints datetime.datetime.now().
import asyncio

def display_date(end_time, loop):
    print(loop.time())
    if (loop.time() + 1.0) < end_time:
        loop.call_later(1, display_date, end_time, loop)
    else:
        loop.stop()

loop = asyncio.new_event_loop()

# Schedule the first call to display_date()
end_time = loop.time() + 5.0
loop.call_soon(display_date, end_time, loop)

# Blocking call interrupted by loop.stop()
try:
    loop.run_forever()
finally:
    loop.close()
