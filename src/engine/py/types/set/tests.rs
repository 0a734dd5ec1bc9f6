//! Tests of `set`: expected values printed by CPython 3.11.
//! Every expected string below is what CPython 3.11 printed for the
//! Python code quoted next to it (`python3 -c '...'`).

use super::*;
use crate::engine::py::types::value;
use num_bigint::BigInt;
use std::rc::Rc;

fn i(v: i64) -> Key {
    Key(Value::Int(v))
}

fn f(v: f64) -> Key {
    Key(Value::Float(v))
}

fn big(digits: &str) -> Key {
    Key(Value::BigInt(Rc::new(digits.parse::<BigInt>().unwrap())))
}

fn tuple(items: Vec<Value>) -> Key {
    Key(Value::tuple(items))
}

fn ints(v: &[i64]) -> Vec<Key> {
    v.iter().map(|&x| i(x)).collect()
}

fn range(start: i64, stop: i64, step: i64) -> Vec<Key> {
    let n = value::range_len(start, stop, step);
    (0..n).map(|k| i(start + k * step)).collect()
}

/// A display of constants, `{a, b, c}`, compiled as CPython compiles it.
fn lit(items: Vec<Key>) -> PySet {
    if items.len() > 2 {
        PySet::from_const_display(items)
    } else {
        items.into_iter().collect()
    }
}

/// `set(some_list)`, `set(range(...))`, a set comprehension.
fn set(items: Vec<Key>) -> PySet {
    items.into_iter().collect()
}

fn list_repr<'a>(keys: impl IntoIterator<Item = &'a Key>) -> String {
    let items: Vec<String> = keys.into_iter().map(|k| k.0.repr()).collect();
    format!("[{}]", items.join(", "))
}

fn check(cases: Vec<(&str, String, &str)>) {
    let mut failed = Vec::new();
    for (python, got, want) in &cases {
        if got != want {
            failed.push(format!("{python}\n  CPython: {want}\n  PySet:   {got}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn hashes_match_cpython() {
    let cases: Vec<(Value, i64)> = vec![
        (Value::Int(0), 0),
        (Value::Int(1), 1),
        (Value::Int(-1), -2),
        (Value::Int(-2), -2),
        (Value::Int(2305843009213693950), 2305843009213693950),
        (Value::Int(2305843009213693951), 0),
        (Value::Int(2305843009213693952), 1),
        (Value::Int(4611686018427387904), 2),
        (Value::Int(-2305843009213693952), -2),
        (Value::Int(i64::MAX), 3),
        (Value::Int(i64::MIN), -4),
        (big("18446744073709551619").0, 11),
        (big("-18446744073709551619").0, -11),
        (big("1000000000000000000000000000000").0, 465258685558744706),
        (
            big("-1000000000000000000000000000000").0,
            -465258685558744706,
        ),
        (Value::Float(0.5), 1152921504606846976),
        (Value::Float(1.5), 1152921504606846977),
        (Value::Float(-0.5), -1152921504606846976),
        (Value::Float(2.0), 2),
        (Value::Float(1e10), 10000000000),
        (Value::Float(0.1), 230584300921369408),
        (Value::Float(3.3), 691752902764107779),
        (Value::Float(-2.5), -1152921504606846978),
        (Value::Float(1e300), 1224995262755759164),
        (Value::Float(1e-300), 482449582752280463),
        (Value::Float(5e-324), 16777216),
        (Value::Float(f64::INFINITY), 314159),
        (Value::Float(f64::NEG_INFINITY), -314159),
        (Value::Float(1e22), 1864712049423028464),
        (Value::Float(2f64.powi(70)), 512),
        (Value::Float(-0.0), 0),
        (Value::Bool(true), 1),
        (Value::Bool(false), 0),
        (Value::tuple(vec![]), 5740354900026072187),
        (Value::tuple(vec![Value::Int(1)]), -6644214454873602895),
        (
            Value::tuple(vec![Value::Int(1), Value::Int(2)]),
            -3550055125485641917,
        ),
        (
            Value::tuple(vec![Value::Int(2), Value::Int(1)]),
            6794810172467074373,
        ),
        (
            Value::tuple(vec![Value::Int(0), Value::Int(0)]),
            -8458139203682520985,
        ),
        (Value::tuple(vec![Value::Int(-1)]), 8078679518589016365),
        (Value::tuple(vec![Value::Int(-2)]), 8078679518589016365),
        (
            Value::tuple(vec![
                Value::Int(1),
                Value::tuple(vec![Value::Int(2), Value::Int(3)]),
            ]),
            7267574591690527098,
        ),
        (
            Value::tuple(vec![Value::Float(0.5), big("18446744073709551616").0]),
            -6017832755877902220,
        ),
        (
            Value::tuple(vec![Value::tuple(vec![]), Value::tuple(vec![])]),
            9028247024705308198,
        ),
    ];
    for (v, want) in cases {
        assert_eq!(py_hash(&v), Some(want), "hash({})", v.repr());
    }
    // Strings cannot match CPython's randomised hash, but the empty
    // string hashes to 0 there too.
    assert_eq!(py_hash(&Value::str("")), Some(0));
    assert_eq!(py_hash(&Value::str("abc")), py_hash(&Value::str("abc")));
    assert_eq!(py_hash(&Value::list(vec![])), None);
    assert_eq!(py_hash(&Value::tuple(vec![Value::list(vec![])])), None);
}

#[test]
fn displays_and_constructors() {
    let s = set(ints(&[5, 6, 7, 8, 16]));
    let keys = ints(&[16, 8, 24, 0, 32, 1]);
    check(vec![
        (
            "{5, 3, 9, 1}",
            lit(ints(&[5, 3, 9, 1])).repr(),
            "{9, 3, 5, 1}",
        ),
        ("{-1, -2}", lit(ints(&[-1, -2])).repr(), "{-1, -2}"),
        ("{-2, -1}", lit(ints(&[-2, -1])).repr(), "{-2, -1}"),
        (
            "{-1, -2, -3, 1, 2}",
            lit(ints(&[-1, -2, -3, 1, 2])).repr(),
            "{1, 2, -2, -3, -1}",
        ),
        (
            "{-5, -3, 7, -100, 42}",
            lit(ints(&[-5, -3, 7, -100, 42])).repr(),
            "{7, 42, -5, -100, -3}",
        ),
        (
            "{2**61, 2**64+3, 1, 2**61-1, 2**61+1, -(2**64+3)}",
            lit(vec![
                i(1 << 61),
                big("18446744073709551619"),
                i(1),
                i((1 << 61) - 1),
                i((1 << 61) + 1),
                big("-18446744073709551619"),
            ])
            .repr(),
            "{2305843009213693951, 2305843009213693952, 2305843009213693953, 1, \
             -18446744073709551619, 18446744073709551619}",
        ),
        (
            "{-2**61, -(2**61-1), 2**63-1, -2**63, 0}",
            lit(vec![
                i(-(1 << 61)),
                i(-((1 << 61) - 1)),
                i(i64::MAX),
                i(i64::MIN),
                i(0),
            ])
            .repr(),
            "{-2305843009213693951, 0, 9223372036854775807, -9223372036854775808, \
             -2305843009213693952}",
        ),
        (
            "{0.5, 1.5, 2.0, 1e10}",
            lit(vec![f(0.5), f(1.5), f(2.0), f(1e10)]).repr(),
            "{0.5, 1.5, 2.0, 10000000000.0}",
        ),
        (
            "{0.1, 0.2, 0.3, -0.5, 3.3, 1e-7}",
            lit(vec![f(0.1), f(0.2), f(0.3), f(-0.5), f(3.3), f(1e-7)]).repr(),
            "{0.1, -0.5, 0.2, 3.3, 0.3, 1e-07}",
        ),
        (
            "set([1e300, 1e-300, float('inf'), -float('inf'), 5e-324, -2.5])",
            set(vec![
                f(1e300),
                f(1e-300),
                f(f64::INFINITY),
                f(f64::NEG_INFINITY),
                f(5e-324),
                f(-2.5),
            ])
            .repr(),
            "{5e-324, inf, 1e-300, -inf, 1e+300, -2.5}",
        ),
        (
            "{1.5, 2, 2.0, 3.25, -1.0, 7}",
            lit(vec![f(1.5), i(2), f(2.0), f(3.25), f(-1.0), i(7)]).repr(),
            "{1.5, 2, 3.25, 7, -1.0}",
        ),
        (
            "{True, 1, 0, False, 2}",
            lit(vec![
                Key(Value::Bool(true)),
                i(1),
                i(0),
                Key(Value::Bool(false)),
                i(2),
            ])
            .repr(),
            "{0, True, 2}",
        ),
        (
            "{False, 5, True, 9, 1.0}",
            lit(vec![
                Key(Value::Bool(false)),
                i(5),
                Key(Value::Bool(true)),
                i(9),
                f(1.0),
            ])
            .repr(),
            "{False, True, 5, 9}",
        ),
        (
            "{(1, 2), (2, 1), (0, 0)}",
            lit(vec![
                tuple(vec![Value::Int(1), Value::Int(2)]),
                tuple(vec![Value::Int(2), Value::Int(1)]),
                tuple(vec![Value::Int(0), Value::Int(0)]),
            ])
            .repr(),
            "{(1, 2), (2, 1), (0, 0)}",
        ),
        (
            "{(1,), (), (1, (2, 3)), (-1, -2), (0.5, 2**64)}",
            lit(vec![
                tuple(vec![Value::Int(1)]),
                tuple(vec![]),
                tuple(vec![
                    Value::Int(1),
                    Value::tuple(vec![Value::Int(2), Value::Int(3)]),
                ]),
                tuple(vec![Value::Int(-1), Value::Int(-2)]),
                tuple(vec![Value::Float(0.5), big("18446744073709551616").0]),
            ])
            .repr(),
            "{(1,), (0.5, 18446744073709551616), (-1, -2), (1, (2, 3)), ()}",
        ),
        (
            "{1, 9, 17, 25, 33, 41, 49}",
            lit(ints(&[1, 9, 17, 25, 33, 41, 49])).repr(),
            "{1, 33, 17, 49, 25, 41, 9}",
        ),
        (
            "set([1, 9, 17, 25, 33, 41, 49])",
            set(ints(&[1, 9, 17, 25, 33, 41, 49])).repr(),
            "{1, 33, 9, 41, 17, 49, 25}",
        ),
        (
            "set([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])",
            set(ints(&[3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])).repr(),
            "{1, 2, 3, 4, 5, 6, 9}",
        ),
        (
            "set([-1, -2, -3, -4, -5, -6, -7, -8, -9])",
            set(ints(&[-1, -2, -3, -4, -5, -6, -7, -8, -9])).repr(),
            "{-2, -9, -8, -7, -6, -5, -4, -3, -1}",
        ),
        (
            "s = set([5, 6, 7, 8, 16]); print(s, set(s), s.copy())",
            format!(
                "{} {} {}",
                s.repr(),
                PySet::copy(&s).repr(),
                s.copy().repr()
            ),
            "{5, 6, 7, 8, 16} {16, 5, 6, 7, 8} {16, 5, 6, 7, 8}",
        ),
        (
            "print(set([16, 8, 24, 0, 32, 1]), set({16: 0, 8: 0, 24: 0, 0: 0, 32: 0, 1: 0}))",
            format!(
                "{} {}",
                set(keys.clone()).repr(),
                PySet::from_dict_keys(keys).repr()
            ),
            "{32, 0, 1, 8, 16, 24} {16, 0, 32, 1, 8, 24}",
        ),
        (
            "set({5: 0, 6: 0, 7: 0, 8: 0, 16: 0})",
            PySet::from_dict_keys(ints(&[5, 6, 7, 8, 16])).repr(),
            "{16, 5, 6, 7, 8}",
        ),
    ]);
}

#[test]
fn growth() {
    let squares = (0..50).map(|x| i(x * x)).collect();
    let mods = (0..30).map(|x| i(x % 7)).collect();
    let scattered = (0..90).map(|x| i(x * 37 % 101)).collect();
    let spread = (0..25).map(|x| i(x * 1000003)).collect();
    let pairs = (0..3)
        .flat_map(|a| (0..3).map(move |b| tuple(vec![Value::Int(a), Value::Int(b)])))
        .collect();
    check(vec![
        (
            "set(range(100, 0, -7))",
            set(range(100, 0, -7)).repr(),
            "{65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30}",
        ),
        (
            "set(range(20))",
            set(range(0, 20, 1)).repr(),
            "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}",
        ),
        (
            "list(set(range(80, 0, -3)))",
            list_repr(set(range(80, 0, -3)).iter()),
            "[2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 32, 35, 38, 41, 44, 47, 50, 53, 56, \
             59, 62, 65, 68, 71, 74, 77, 80]",
        ),
        (
            "set(x * x for x in range(50))",
            set(squares).repr(),
            "{0, 1, 256, 1024, 4, 900, 1156, 2304, 9, 16, 144, 400, 529, 784, 1296, \
             1681, 1936, 25, 289, 2209, 36, 676, 1444, 169, 49, 441, 1849, 64, 576, \
             961, 1089, 196, 324, 1600, 2116, 841, 1225, 81, 729, 1369, 225, 2401, \
             100, 484, 1764, 361, 2025, 625, 1521, 121}",
        ),
        (
            "{x % 7 for x in range(30)}",
            set(mods).repr(),
            "{0, 1, 2, 3, 4, 5, 6}",
        ),
        (
            "{x * 37 % 101 for x in range(90)}",
            set(scattered).repr(),
            "{0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, \
             22, 23, 24, 25, 26, 28, 29, 30, 31, 32, 33, 35, 36, 37, 38, 39, 40, 41, \
             42, 43, 45, 46, 47, 48, 49, 50, 51, 52, 53, 55, 56, 57, 58, 59, 60, 61, \
             62, 63, 65, 66, 67, 68, 69, 70, 72, 73, 74, 75, 76, 77, 78, 79, 80, 82, \
             83, 84, 85, 86, 87, 88, 89, 90, 92, 93, 94, 95, 96, 97, 99, 100}",
        ),
        (
            "{x * 1000003 for x in range(25)}",
            set(spread).repr(),
            "{0, 23000069, 2000006, 4000012, 6000018, 8000024, 10000030, 12000036, \
             14000042, 16000048, 18000054, 20000060, 22000066, 1000003, 24000072, \
             3000009, 5000015, 7000021, 9000027, 11000033, 13000039, 15000045, \
             17000051, 19000057, 21000063}",
        ),
        (
            "{(i, j) for i in range(3) for j in range(3)}",
            set(pairs).repr(),
            "{(0, 1), (1, 2), (2, 1), (0, 0), (1, 1), (2, 0), (0, 2), (2, 2), (1, 0)}",
        ),
    ]);
    assert!(set(range(80, 0, -1)).is_equal(&set(range(1, 81, 1))));
}

#[test]
fn removals_reuse_dummies() {
    let mut a = PySet::new();
    for x in [0, 8, 16, 24] {
        a.insert(i(x));
    }
    a.remove(&i(0));
    a.remove(&i(16));
    a.insert(i(32));

    let mut b = set(range(0, 10, 1));
    for x in range(0, 10, 2) {
        b.discard(&x);
    }
    b.update_iter(ints(&[20, 22, 40]));

    let mut c = lit(ints(&[5, 13, 21, 29]));
    c.remove(&i(13));
    c.insert(i(37));
    c.remove(&i(5));
    c.insert(i(45));
    c.insert(i(13));

    let mut d = set(range(0, 30, 1));
    for x in (0..30).filter(|x| x % 3 != 0) {
        d.discard(&i(x));
    }
    d.update_iter(ints(&[100, 200, 300]));

    // The last dummy passed is reused, not the first.
    let mut g = PySet::new();
    for x in [0, 8, 16, 24] {
        g.insert(i(x));
    }
    g.remove(&i(0));
    g.remove(&i(16));
    g.insert(i(0));

    let mut h = set(range(0, 10, 1));
    h.discard(&i(2));
    h.discard(&i(5));
    h.insert(i(32));

    let mut j = set(range(0, 12, 1));
    j.discard(&i(9));
    j.discard(&i(3));
    j.insert(i(64));
    j.insert(i(96));

    let mut e = set(range(0, 50, 1));
    e.clear();
    e.insert(i(9));
    e.insert(i(1));
    check(vec![
        (
            "s = set(); [s.add(x) for x in (0, 8, 16, 24)]; s.remove(0); s.remove(16); \
             s.add(32)",
            a.repr(),
            "{32, 8, 24}",
        ),
        (
            "s = set(range(10)); [s.discard(x) for x in range(0, 10, 2)]; s.add(20); \
             s.add(22); s.add(40)",
            b.repr(),
            "{1, 3, 5, 7, 40, 9, 20, 22}",
        ),
        (
            "s = {5, 13, 21, 29}; s.remove(13); s.add(37); s.remove(5); s.add(45); \
             s.add(13)",
            c.repr(),
            "{37, 45, 13, 21, 29}",
        ),
        (
            "s = set(range(30)); [s.discard(x) for x in range(30) if x % 3]; \
             s.update([100, 200, 300])",
            d.repr(),
            "{0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 300, 200, 100}",
        ),
        (
            "s = set(); [s.add(x) for x in (0, 8, 16, 24)]; s.remove(0); s.remove(16); \
             s.add(0)",
            g.repr(),
            "{8, 0, 24}",
        ),
        (
            "s = set(range(10)); s.discard(2); s.discard(5); s.add(32)",
            h.repr(),
            "{0, 1, 3, 4, 32, 6, 7, 8, 9}",
        ),
        (
            "s = set(range(12)); s.discard(9); s.discard(3); s.add(64); s.add(96)",
            j.repr(),
            "{0, 1, 2, 96, 4, 5, 6, 7, 8, 64, 10, 11}",
        ),
        (
            "s = set(range(50)); s.clear(); s.add(9); s.add(1)",
            e.repr(),
            "{9, 1}",
        ),
    ]);
    assert!(!a.contains(&i(0)) && a.contains(&i(32)) && a.len() == 3);
    assert!(!a.remove(&i(0)));
}

#[test]
fn pops() {
    let mut a = lit(ints(&[9, 3, 17, 25, 1]));
    let popped: Vec<Key> = (0..3).map(|_| a.pop().unwrap()).collect();

    let mut b = set(range(100, 0, -9));
    let (x, y) = (b.pop().unwrap(), b.pop().unwrap());
    b.insert(i(1000));
    let z = b.pop().unwrap();

    let mut c = set(range(0, 6, 1));
    c.pop();
    c.pop();
    c.clear();
    c.update_iter(ints(&[1, 2, 3]));
    let w = c.pop().unwrap();
    check(vec![
        (
            "s = {9, 3, 17, 25, 1}; print([s.pop() for _ in range(3)], s)",
            format!("{} {}", list_repr(&popped), a.repr()),
            "[1, 17, 3] {9, 25}",
        ),
        (
            "s = set(range(100, 0, -9)); a = s.pop(); b = s.pop(); s.add(1000); \
             print(a, b, s.pop(), s)",
            format!("{} {} {} {}", x.0.repr(), y.0.repr(), z.0.repr(), b.repr()),
            "64 1 100 {37, 1000, 73, 10, 46, 82, 19, 55, 91, 28}",
        ),
        (
            "s = set(range(6)); s.pop(); s.pop(); s.clear(); s.update([1, 2, 3]); \
             print(s.pop(), s)",
            format!("{} {}", w.0.repr(), c.repr()),
            "2 {1, 3}",
        ),
    ]);
    let mut empty = PySet::new();
    assert!(empty.pop().is_none());
}

#[test]
fn operators() {
    let evens = lit(ints(&[0, 2, 4, 6, 8]));
    let low = lit(ints(&[0, 1, 2, 3, 4]));
    let threes = set(range(0, 40, 3));
    let twos = set(range(0, 40, 2));
    let few = lit(ints(&[1, 2, 3, 33, 65]));
    let hundred = set(range(100, 0, -1));
    let abc = lit(ints(&[1, 2, 3]));
    let fours = set(range(30, 0, -4));
    let ten = set(range(0, 10, 1));
    let odd3 = lit(ints(&[3, 100, 9]));
    check(vec![
        (
            "{0, 2, 4, 6, 8} - {0, 1, 2, 3, 4}",
            evens.difference(&low).repr(),
            "{8, 6}",
        ),
        (
            "{0, 1, 2, 3, 4} - {0, 2, 4, 6, 8}",
            low.difference(&evens).repr(),
            "{1, 3}",
        ),
        (
            "set(range(20)) - {3, 5}",
            set(range(0, 20, 1)).difference(&lit(ints(&[3, 5]))).repr(),
            "{0, 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}",
        ),
        (
            "{3, 5, 40, 21} - set(range(20))",
            lit(ints(&[3, 5, 40, 21]))
                .difference(&set(range(0, 20, 1)))
                .repr(),
            "{40, 21}",
        ),
        (
            "{0, 2, 4, 6, 8}.difference([0, 1, 2, 3, 4])",
            evens.difference_iter(ints(&[0, 1, 2, 3, 4])).repr(),
            "{6, 8}",
        ),
        (
            "set(range(0, 40, 3)) & set(range(0, 40, 2))",
            threes.intersection(&twos).repr(),
            "{0, 36, 6, 12, 18, 24, 30}",
        ),
        (
            "set(range(0, 40, 2)) & set(range(0, 40, 3))",
            twos.intersection(&threes).repr(),
            "{0, 36, 6, 12, 18, 24, 30}",
        ),
        (
            "{1, 2, 3, 33, 65} & set(range(100, 0, -1))",
            few.intersection(&hundred).repr(),
            "{65, 2, 3, 1, 33}",
        ),
        (
            "set(range(100, 0, -1)) & {1, 2, 3, 33, 65}",
            hundred.intersection(&few).repr(),
            "{65, 2, 3, 1, 33}",
        ),
        (
            "{1, 2, 3} | set(range(30, 0, -4))",
            abc.union(&fours).repr(),
            "{1, 2, 3, 6, 10, 14, 18, 22, 26, 30}",
        ),
        (
            "set(range(30, 0, -4)) | {1, 2, 3}",
            fours.union(&abc).repr(),
            "{1, 2, 3, 6, 10, 14, 18, 22, 26, 30}",
        ),
        (
            "{1, 2, 3, 4, 5} ^ {4, 5, 6, 7, 40}",
            lit(ints(&[1, 2, 3, 4, 5]))
                .symmetric_difference(&lit(ints(&[4, 5, 6, 7, 40])))
                .repr(),
            "{1, 2, 3, 6, 7, 40}",
        ),
        (
            "set(range(10)) ^ {3, 100, 9}",
            ten.symmetric_difference(&odd3).repr(),
            "{0, 1, 2, 100, 4, 5, 6, 7, 8}",
        ),
        (
            "{3, 100, 9} ^ set(range(10))",
            odd3.symmetric_difference(&ten).repr(),
            "{0, 1, 2, 4, 5, 6, 7, 8, 100}",
        ),
        (
            "{1, 2, 3}.symmetric_difference([33, 17, 9, 1])",
            abc.symmetric_difference_iter(ints(&[33, 17, 9, 1])).repr(),
            "{33, 2, 3, 9, 17}",
        ),
        (
            "set(range(10)).intersection([9, 3, 3, 100, 1])",
            ten.intersection_iter(ints(&[9, 3, 3, 100, 1])).repr(),
            "{9, 3, 1}",
        ),
    ]);
    assert!(abc.issubset(&lit(ints(&[1, 2, 3, 4]))));
    assert!(lit(ints(&[1, 2])).issuperset(&lit(ints(&[1]))));
    assert!(lit(ints(&[1, 2])).isdisjoint(&lit(ints(&[3]))));
    assert!(!lit(ints(&[1, 2])).isdisjoint(&lit(ints(&[2]))));
    assert!(lit(ints(&[1, 2])).is_equal(&lit(ints(&[2, 1]))));
    assert!(!abc.issubset(&lit(ints(&[1, 2]))));
}

#[test]
fn in_place_updates() {
    let mut a = lit(ints(&[1, 2]));
    a.update_iter(ints(&[17, 33, 49, 9]));
    let mut b = lit(ints(&[1, 2]));
    b.update(&lit(ints(&[17, 33, 49, 9])));

    let mut c = set(range(0, 8, 1));
    c.difference_update_iter(range(0, 8, 1));
    c.insert(i(9));
    c.insert(i(1));

    let mut d = set(range(0, 8, 1));
    d.difference_update(&set(range(0, 7, 1)));
    d.insert(i(9));
    d.insert(i(1));

    let mut e = set(range(0, 20, 1));
    e.intersection_update(&lit(ints(&[19, 3, 35, 1])));

    let mut g = set(range(0, 10, 1));
    g.intersection_update_iter(ints(&[9, 3, 3, 100, 1, 2]));

    let mut h = lit(ints(&[1, 2, 3]));
    h.symmetric_difference_update_iter(ints(&[3, 9, 17, 9]));
    let mut j = lit(ints(&[1, 2, 3]));
    j.symmetric_difference_update(&lit(ints(&[3, 9, 17])));
    let mut k = lit(ints(&[1, 2, 3]));
    k.symmetric_difference_update_dict_keys(ints(&[33, 17, 9, 1]));
    check(vec![
        (
            "s = {1, 2}; s.update([17, 33, 49, 9])",
            a.repr(),
            "{1, 2, 33, 9, 49, 17}",
        ),
        (
            "t = {1, 2}; t.update({17, 33, 49, 9})",
            b.repr(),
            "{1, 2, 17, 33, 49, 9}",
        ),
        (
            "s = set(range(8)); s.difference_update(range(8)); s.add(9); s.add(1)",
            c.repr(),
            "{9, 1}",
        ),
        (
            "s = set(range(8)); s -= set(range(7)); s.add(9); s.add(1)",
            d.repr(),
            "{1, 7, 9}",
        ),
        (
            "s = set(range(20)); s &= {19, 3, 35, 1}",
            e.repr(),
            "{3, 1, 19}",
        ),
        (
            "s = set(range(10)); s.intersection_update([9, 3, 3, 100, 1, 2])",
            g.repr(),
            "{9, 2, 3, 1}",
        ),
        (
            "s = {1, 2, 3}; s.symmetric_difference_update([3, 9, 17, 9])",
            h.repr(),
            "{1, 2, 9, 17}",
        ),
        (
            "s = {1, 2, 3}; s.symmetric_difference_update({3, 9, 17})",
            j.repr(),
            "{1, 2, 9, 17}",
        ),
        (
            "s = {1, 2, 3}; s.symmetric_difference_update({33: 0, 17: 0, 9: 0, 1: 0})",
            k.repr(),
            "{2, 3, 33, 9, 17}",
        ),
    ]);
}

#[test]
fn api_basics() {
    let mut s = PySet::new();
    assert!(s.is_empty() && s.repr() == "set()");
    assert!(s.insert(Key(Value::str("a"))));
    assert!(!s.insert(Key(Value::str("a"))));
    assert!(s.insert(Key(Value::str(""))));
    assert!(s.insert(Key(Value::None)));
    assert!(s.contains(&Key(Value::str("a"))));
    assert!(s.discard(&Key(Value::str("a"))));
    assert!(!s.contains(&Key(Value::str("a"))));
    assert_eq!(s.len(), 2);
    // 1, 1.0 and True are one element, kept as first added.
    let t = set(vec![i(1), f(1.0), Key(Value::Bool(true))]);
    assert_eq!(t.repr(), "{1}");
    // A big set keeps working across many resizes and removals.
    let mut big = set(range(0, 100_000, 1));
    for x in range(0, 100_000, 2) {
        assert!(big.remove(&x));
    }
    assert_eq!(big.len(), 50_000);
    assert!(big.contains(&i(99_999)) && !big.contains(&i(99_998)));
    let copy = big.clone();
    assert!(copy.is_equal(&big.copy()));
}

#[test]
fn frozensets_hash_and_print_as_cpython() {
    let empty = PySet::new().with_frozen(true);
    let small = set(ints(&[1, 2, 3])).with_frozen(true);
    let mixed = set(vec![
        i(-1),
        f(2.5),
        tuple(vec![Value::Int(1), Value::Int(2)]),
    ])
    .with_frozen(true);
    // `hash(frozenset())`, `hash(frozenset([1, 2, 3]))`,
    // `hash(frozenset([-1, 2.5, (1, 2)]))` in CPython 3.11.
    assert_eq!(empty.frozen_hash(), 133_146_708_735_736);
    assert_eq!(small.frozen_hash(), -272_375_401_224_217_160);
    assert_eq!(mixed.frozen_hash(), -8_922_326_340_022_017_280);
    assert_eq!(empty.repr(), "frozenset()");
    assert_eq!(small.repr(), "frozenset({1, 2, 3})");
    assert_eq!(set(ints(&[1])).repr(), "{1}");
}
