//! The Rust listing of a decorator whose wrapper runs code around each
//! call of the function it wraps: the decorator is the higher-order
//! function with the wrapper's body, taking the function as an `impl Fn`
//! (`impl AsyncFn`), and each call of a decorated function calls it
//! through the decorator. Decorators that do more, or functions used
//! otherwise than called, are refused at the decorator.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const LOGGED: &str = "def logged(func):\n    def wrapper(x):\n        \
                      print(\"calling\", x)\n        result = func(x)\n        \
                      print(\"returned\", result)\n        return result\n\n    \
                      return wrapper\n\n\n";

const DOUBLE: &str = "@logged\ndef double(x):\n    return x * 2\n\n\n";

#[test]
fn a_wrapping_decorator_is_a_function_taking_the_function() {
    let text = listing(&format!(
        "{HEADER}{LOGGED}{DOUBLE}async def main():\n    await asyncio.sleep(0)\n    \
         print(double(3) + double(4)){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn logged(func: impl Fn(i64) -> i64, x: i64) -> i64 {\n    \
             println!(\"calling {x}\");\n    let result = func(x);\n    \
             println!(\"returned {result}\");\n    result\n}",
            "fn double(x: i64) -> i64 {\n    x * 2\n}",
            "println!(\"{}\", logged(double, 3) + logged(double, 4));",
        ],
    );
    assert!(!text.contains("wrapper"), "{text}");
}

#[test]
fn a_coroutine_decorator_awaits_the_coroutine_it_takes() {
    let text = listing(&format!(
        "{HEADER}def timed(coro_fn):\n    async def wrapper(delay):\n        \
         print(\"start\", delay)\n        result = await coro_fn(delay)\n        \
         print(\"done\", result)\n        return result\n\n    return wrapper\n\n\n\
         @timed\nasync def fetch(delay):\n    await asyncio.sleep(delay)\n    return delay * 2\n\n\n\
         async def main():\n    print(await fetch(0.5)){RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn timed(coro_fn: impl AsyncFn(f64) -> f64, delay: f64) -> f64 {",
            "let result = coro_fn(delay).await;",
            "println!(\"{}\", float_repr(timed(fetch, 0.5).await));",
        ],
    );
}

#[test]
fn a_decorator_factory_of_literals_passes_them_first() {
    let text = listing(&format!(
        "{HEADER}import functools\n\n\ndef repeat(times, label):\n    def decorate(func):\n        \
         @functools.wraps(func)\n        def wrapper(name):\n            \
         for _ in range(times):\n                func(name)\n\n        return wrapper\n\n    \
         return decorate\n\n\n@repeat(2, \"unused\")\ndef greet(name):\n    print(\"hi\", name)\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    greet(\"ann\"){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn repeat(times: i64, func: impl Fn(&str), name: &str) {\n    \
             for _ in 0..times {\n        func(name);\n    }\n}",
            "repeat(2, greet, \"ann\");",
        ],
    );
}

#[test]
fn a_recursive_call_goes_through_the_decorator() {
    let text = listing(&format!(
        "{HEADER}{LOGGED}@logged\ndef fact(x):\n    if x <= 1:\n        return 1\n    \
         return x * fact(x - 1)\n\n\nasync def main():\n    await asyncio.sleep(0)\n    \
         print(fact(3)){RUN}"
    ));
    has_all(&text, &["x * logged(fact, x - 1)", "logged(fact, 3)"]);
}

/// The construct and the source text of the refusal of `source`.
fn refusal_at(source: &str) -> (String, String) {
    let (construct, _, text) = refused(source);
    (construct, text)
}

#[test]
fn a_decorated_function_read_as_a_value_is_refused() {
    let source = format!(
        "{HEADER}{LOGGED}{DOUBLE}async def main():\n    await asyncio.sleep(0)\n    \
         print(double(3), double.__name__){RUN}"
    );
    assert_eq!(
        refusal_at(&source).0,
        "the wrapper the decorator `logged` makes"
    );
}

#[test]
fn a_decorator_that_runs_code_when_it_decorates_is_refused() {
    let source = format!(
        "{HEADER}def registered(func):\n    print(\"registering\")\n    \
         def wrapper(x):\n        return func(x)\n\n    return wrapper\n\n\n\
         @registered\ndef double(x):\n    return x * 2\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(double(3)){RUN}"
    );
    assert_eq!(
        refusal_at(&source),
        (
            "a nested definition".into(),
            "def wrapper(x):\n        return func(x)".into()
        )
    );
}

#[test]
fn a_wrapper_that_keeps_state_is_refused() {
    let source = format!(
        "{HEADER}def counted(func):\n    calls = 0\n\n    def wrapper(x):\n        \
         nonlocal calls\n        calls += 1\n        return func(x)\n\n    return wrapper\n\n\n\
         @counted\ndef double(x):\n    return x * 2\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(double(3)){RUN}"
    );
    assert_eq!(refusal_at(&source).0, "a nested definition");
}

#[test]
fn a_factory_given_a_variable_is_refused() {
    let source = format!(
        "{HEADER}def times(n):\n    def decorate(func):\n        def wrapper(x):\n            \
         return func(x) * n\n\n        return wrapper\n\n    return decorate\n\n\nK = 3\n\n\n\
         @times(K)\ndef double(x):\n    return x * 2\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(double(3)){RUN}"
    );
    assert_eq!(
        refusal_at(&source).0,
        "the wrapper the decorator `times` makes"
    );
}

#[test]
fn a_decorated_method_is_refused() {
    let source = format!(
        "{HEADER}{LOGGED}class Box:\n    def __init__(self):\n        self.n = 1\n\n    \
         @logged\n    def get(self):\n        return self.n\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(Box().get()){RUN}"
    );
    assert_eq!(
        refusal_at(&source).0,
        "the wrapper the decorator `logged` makes"
    );
}

#[test]
fn a_refused_decorator_says_which_decorators_the_listing_takes() {
    let source = format!(
        "{HEADER}{LOGGED}{DOUBLE}async def main():\n    await asyncio.sleep(0)\n    \
         f = double\n    print(f(3)){RUN}"
    );
    let program = asynclings::python::load("x.py", &source).expect("loads");
    let text = asynclings::render::rust::render_program(&program).text();
    has_all(
        &text,
        &[
            "x.py:5:5: the wrapper the decorator `logged` makes",
            "the wrapper reads only that function",
            "x.py:14:2: a decorator",
            "a decorator of the module that only makes a",
            "used otherwise\n//   than called",
            "x.py:21:9: `double` used as a value",
        ],
    );
}

#[test]
fn a_wrapper_passing_args_on_takes_the_parameters_of_the_function() {
    let text = listing(&format!(
        "{HEADER}from functools import wraps\n\n\ndef traced(func):\n    @wraps(func)\n    \
         def wrapper(*args, **kwargs):\n        print(\"enter\")\n        \
         result = func(*args, **kwargs)\n        print(\"exit\")\n        return result\n\n    \
         return wrapper\n\n\n@traced\ndef add(a, b):\n    return a + b\n\n\n\
         @traced\ndef sub(x, y):\n    return x - y\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(add(1, 2), sub(5, 3)){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn traced(func: impl Fn(i64, i64) -> i64, a: i64, b: i64) -> i64 {",
            "let result = func(a, b);",
            "println!(\"{} {}\", traced(add, 1, 2), traced(sub, 5, 3));",
        ],
    );
}

#[test]
fn a_wrapper_printing_its_args_prints_the_tuple_of_the_parameters() {
    let text = listing(&format!(
        "{HEADER}def traced(func):\n    def wrapper(*args):\n        print(\"args\", args)\n        \
         return func(*args)\n\n    return wrapper\n\n\n@traced\ndef add(a, b):\n    return a + b\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(add(1, 2)){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn traced(func: impl Fn(i64, i64) -> i64, a: i64, b: i64) -> i64 {",
            "println!(\"args {}\", (a, b).repr());",
            "traced(add, 1, 2)",
        ],
    );
}

#[test]
fn a_wrapper_reading_its_kwargs_or_binding_its_args_is_refused() {
    for body in [
        "print(kwargs)\n        return func(*args, **kwargs)",
        "args = args[1:]\n        return func(*args, **kwargs)",
    ] {
        let source = format!(
            "{HEADER}def traced(func):\n    def wrapper(*args, **kwargs):\n        {body}\n\n    \
             return wrapper\n\n\n@traced\ndef add(a, b):\n    return a + b\n\n\n\
             async def main():\n    await asyncio.sleep(0)\n    print(add(1, 2)){RUN}"
        );
        assert_eq!(
            refusal_at(&source).0,
            "the wrapper the decorator `traced` makes",
            "{body}"
        );
    }
}

#[test]
fn a_decorator_defined_after_its_function_is_refused() {
    let source = format!(
        "{HEADER}{DOUBLE}{LOGGED}async def main():\n    await asyncio.sleep(0)\n    \
         print(double(3)){RUN}"
    );
    assert_eq!(refusal_at(&source).0, "a decorator");
}

#[test]
fn a_wrapper_reading_the_name_of_its_function_is_given_it() {
    let text = listing(&format!(
        "{HEADER}def logged(func):\n    def wrapper(x):\n        \
         print(\"calling\", func.__name__)\n        return func(x)\n\n    return wrapper\n\n\n\
         {DOUBLE}@logged\ndef triple(x):\n    return x * 3\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(double(3), triple(3)){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn logged(func_name: &str, func: impl Fn(i64) -> i64, x: i64) -> i64 {\n    \
             println!(\"calling {func_name}\");\n    func(x)\n}",
            "logged(\"double\", double, 3),\n",
            "logged(\"triple\", triple, 3)\n",
        ],
    );
}

#[test]
fn a_long_signature_keeps_each_function_parameter_on_one_line() {
    let text = listing(&format!(
        "{HEADER}def traced(label):\n    def decorate(func):\n        \
         def wrapper(first_width, first_height):\n            \
         print(label, func.__name__)\n            return func(first_width, first_height)\n\n        \
         return wrapper\n\n    return decorate\n\n\n\
         @traced(\"geometry\")\ndef area(w, h):\n    return w * h\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(area(3, 4)){RUN}"
    ));
    has_all(
        &text,
        &["fn traced(\n    label: &str,\n    func_name: &str,\n    \
           func: impl Fn(i64, i64) -> i64,\n    first_width: i64,\n    first_height: i64,\n) -> i64 {"],
    );
}

#[test]
fn a_decorated_coroutine_spawned_is_its_decorator_spawned() {
    let text = listing(&format!(
        "{HEADER}def timed(coro_fn):\n    async def wrapper(*args):\n        \
         try:\n            return await coro_fn(*args)\n        finally:\n            \
         print(\"done\", coro_fn.__name__)\n\n    return wrapper\n\n\n\
         @timed\nasync def fetch(delay):\n    await asyncio.sleep(delay)\n    return delay\n\n\n\
         async def main():\n    task = asyncio.create_task(fetch(0.5))\n    print(await task){RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn timed(coro_fn_name: &str, coro_fn: impl AsyncFn(f64) -> f64, delay: f64) -> f64 {",
            "let _finally = guard((), |_| {",
            "let task = tokio::spawn(timed(\"fetch\", fetch, 0.5));",
        ],
    );
}
