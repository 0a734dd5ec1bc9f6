# refuse: `return` outside a function
import asyncio

return 5
