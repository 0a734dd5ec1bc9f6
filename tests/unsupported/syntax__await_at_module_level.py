# refuse: `await` at module level
import asyncio

await asyncio.sleep(1)
print("done")
