"""Annotations of every form evaluate (or stay strings) as in CPython."""
import asyncio
import typing
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Dict,
    Generic,
    List,
    Literal,
    Optional,
    Protocol,
    Tuple,
    TypedDict,
    TypeVar,
    Union,
)

T = TypeVar("T")
version: int = 3
limit: Optional[float]


class Greeter(Protocol):
    def greet(self, name: str) -> str: ...


class Box(Generic[T]):
    item: T

    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


class Movie(TypedDict):
    title: str
    year: int


class Point:
    x: int
    y: int = 0
    label: "str | None" = None


async def fetch(url: str, retries: int = 3, *args: Any, timeout: float | None = None, **kw: str) -> dict[str, list[int]]:
    await asyncio.sleep(0.1)
    return {url: [retries]}


async def run_all(jobs: List[Callable[..., Awaitable[T]]]) -> list[T]:
    return [await job() for job in jobs]


def pick(kind: Literal["a", "b"], where: Union[int, str], pair: Tuple[int, ...], d: Dict[str, Point]) -> Optional[Point]:
    local: list[int] = []
    return None


async def numbers(n: int) -> AsyncIterator[int]:
    for i in range(n):
        yield i


async def main() -> None:
    print(fetch.__annotations__)
    print(run_all.__annotations__)
    print(pick.__annotations__)
    print(numbers.__annotations__, main.__annotations__)
    print(__annotations__)
    print(Point.__annotations__, Box.__annotations__)
    print(int | None, list[int] | None, int | str | None, Optional[Union[int, str]], Union[int])
    print(typing.Dict[str, int], typing.Callable[[int, str], bool], Any, T)
    m = Movie(title="Up", year=2009)
    print(m, type(m).__name__)
    b: Box[int] = Box(3)
    print(b.get(), await fetch("x"), await run_all([lambda: fetch("y")]))
    print([i async for i in numbers(3)], typing.cast(int, "not checked"))
    print(typing.TYPE_CHECKING, isinstance(3, int))


asyncio.run(main())
