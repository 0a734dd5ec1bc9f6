//! Tests of `methods`: expected values printed by CPython 3.11.
use crate::engine::py::builtins::testing::check;

// Each line is `expression => what CPython 3.11 gives`: the right-hand
// sides were printed by `python3` evaluating the left-hand sides
// (`repr()` of the value, or `Type: message` for an exception). A
// lambda applied to a literal shows a method's effect on it.

#[test]
fn str_and_bytes_methods_match_cpython() {
    check(
        r##"
        'Hello World'.upper() => 'HELLO WORLD'
        'Hello World'.lower() => 'hello world'
        'ß'.upper() => 'SS'
        'Straße'.casefold() => 'strasse'
        'Hello World'.swapcase() => 'hELLO wORLD'
        "they're bill's friends".title() => "They'Re Bill'S Friends"
        'hello WORLD 3rd'.title() => 'Hello World 3Rd'
        'hELLO world'.capitalize() => 'Hello world'
        ''.capitalize() => ''
        'a'.upper(1) => TypeError: str.upper() takes no arguments (1 given)
        'a'.upper(x=1) => TypeError: str.upper() takes no keyword arguments
        '  a b  '.strip() => 'a b'
        '  a b  '.lstrip() => 'a b  '
        '  a b  '.rstrip() => '  a b'
        'xxaxbxx'.strip('x') => 'axb'
        'www.example.com'.strip('cmowz.') => 'example'
        '\t\n a \x1c\x1f'.strip() => 'a'
        'abc'.strip(None) => 'abc'
        'a'.strip(1) => TypeError: strip arg must be None or str
        'a'.strip('a', 'b') => TypeError: strip expected at most 1 argument, got 2
        'a,b,,c'.split(',') => ['a', 'b', '', 'c']
        'a,b,,c'.split(',', 1) => ['a', 'b,,c']
        'a,b,,c'.split(',', maxsplit=2) => ['a', 'b', ',c']
        'a,b,,c'.split(sep=',') => ['a', 'b', '', 'c']
        'a,b,,c'.rsplit(',', 1) => ['a,b,', 'c']
        'a,b,,c'.rsplit(',') => ['a', 'b', '', 'c']
        'aaa'.split('aa') => ['', 'a']
        'aaa'.rsplit('aa') => ['a', '']
        '  a  b c  '.split() => ['a', 'b', 'c']
        '  a  b c  '.split(None, 1) => ['a', 'b c  ']
        '  a  b c  '.rsplit(None, 1) => ['  a  b', 'c']
        '  a  b c  '.split(maxsplit=0) => ['a  b c  ']
        '  a  b c  '.rsplit(maxsplit=0) => ['  a  b c']
        ''.split() => []
        ''.split(',') => ['']
        '   '.split() => []
        'a\u2003b\x1cc'.split() => ['a', 'b', 'c']
        'a b'.split(' ', -1) => ['a', 'b']
        'a'.split(1) => TypeError: must be str or None, not int
        'a'.split(',', 1, 2) => TypeError: split() takes at most 2 arguments (3 given)
        'a'.split(x=1) => TypeError: 'x' is an invalid keyword argument for split()
        'a'.split(',', sep=',') => TypeError: argument for split() given by name ('sep') and position (1)
        'a'.split(maxsplit='a') => TypeError: 'str' object cannot be interpreted as an integer
        'a'.split(',', 1.5) => TypeError: 'float' object cannot be interpreted as an integer
        'a'.split('') => ValueError: empty separator
        'a'.rsplit('') => ValueError: empty separator
        'a\nb\r\nc\rd\x0be\x0cf\x1cg\u2028h'.splitlines() => ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
        'a\nb\r\nc\n'.splitlines(True) => ['a\n', 'b\r\n', 'c\n']
        'a\nb\r\nc\n'.splitlines(keepends=True) => ['a\n', 'b\r\n', 'c\n']
        '\n'.splitlines() => ['']
        ''.splitlines() => []
        'a'.splitlines(1) => ['a']
        ','.join(['a', 'b', 'c']) => 'a,b,c'
        ''.join([]) => ''
        '-'.join('abc') => 'a-b-c'
        ', '.join({'x': 1, 'y': 2}) => 'x, y'
        'a'.join([1]) => TypeError: sequence item 0: expected str instance, int found
        'a'.join(1) => TypeError: can only join an iterable
        'a'.join(['x', 2]) => TypeError: sequence item 1: expected str instance, int found
        'a'.join() => TypeError: str.join() takes exactly one argument (0 given)
        'aaaa'.replace('a', 'b') => 'bbbb'
        'aaaa'.replace('a', 'b', 2) => 'bbaa'
        'aaaa'.replace('a', 'b', -1) => 'bbbb'
        'aaaa'.replace('a', 'b', 0) => 'aaaa'
        'abc'.replace('', '-') => '-a-b-c-'
        'abc'.replace('', '-', 2) => '-a-bc'
        ''.replace('', 'x') => 'x'
        'abc'.replace('x', 'y') => 'abc'
        'a'.replace('a') => TypeError: replace expected at least 2 arguments, got 1
        'a'.replace('a', 'b', 'c', 'd') => TypeError: replace expected at most 3 arguments, got 4
        'a'.replace('a', 'b', count=1) => TypeError: str.replace() takes no keyword arguments
        'a'.replace(1, 'b') => TypeError: replace() argument 1 must be str, not int
        'a'.replace('a', 1) => TypeError: replace() argument 2 must be str, not int
        'a'.replace('a', 'b', 'c') => TypeError: 'str' object cannot be interpreted as an integer
        'hello'.startswith('he') => True
        'hello'.startswith(('x', 'he')) => True
        'hello'.startswith('ll', 2) => True
        'hello'.startswith('ll', 2, 3) => False
        'hello'.startswith('', 5) => True
        'hello'.startswith('', 6) => False
        'hello'.startswith('o', -1) => True
        'hello'.endswith('lo') => True
        'hello'.endswith(('x', 'y')) => False
        'hello'.endswith('l', 0, 4) => True
        'hello'.endswith('he', 0, 2) => True
        'hello'.endswith('', 2, 1) => False
        ''.startswith('') => True
        ''.startswith('', 1) => False
        'a'.startswith() => TypeError: startswith() takes at least 1 argument (0 given)
        'a'.startswith(1) => TypeError: startswith first arg must be str or a tuple of str, not int
        'a'.startswith((1,)) => TypeError: tuple for startswith must only contain str, not int
        'a'.startswith('a', 'b') => TypeError: slice indices must be integers or None or have an __index__ method
        'a'.startswith('a', None, None) => True
        'a'.endswith([]) => TypeError: endswith first arg must be str or a tuple of str, not list
        'hello'.find('l') => 2
        'hello'.rfind('l') => 3
        'hello'.find('l', 3) => 3
        'hello'.find('l', -2) => 3
        'hello'.find('x') => -1
        'hello'.find('') => 0
        'hello'.find('', 5) => 5
        'hello'.find('', 6) => -1
        'hello'.find('', 2, 1) => -1
        'hello'.rfind('') => 5
        'héllo'.find('l') => 2
        'héllo wörld'.rfind('ö') => 7
        'hello'.index('l') => 2
        'hello'.rindex('l') => 3
        'hello'.index('x') => ValueError: substring not found
        'hello'.rindex('x') => ValueError: substring not found
        'a'.find() => TypeError: find() takes at least 1 argument (0 given)
        'a'.find(1) => TypeError: must be str, not int
        'a'.find('a', 1, 2, 3) => TypeError: find() takes at most 3 arguments (4 given)
        'a'.find('a', 'b') => TypeError: slice indices must be integers or None or have an __index__ method
        'hello'.count('l') => 2
        'hello'.count('') => 6
        'hello'.count('', 2) => 4
        'hello'.count('', 6) => 0
        'hello'.count('', 2, 1) => 0
        'aaaa'.count('aa') => 2
        'hello'.count('l', 3) => 1
        'a'.count() => TypeError: count() takes at least 1 argument (0 given)
        '{} {}'.format(1, 'a') => '1 a'
        '{0} {1} {0}'.format('x', 'y') => 'x y x'
        '{name}!'.format(name='Bob') => 'Bob!'
        '{0:>5}|{1:<5}|{2:^5}'.format(1, 2, 3) => '    1|2    |  3  '
        '{:.2f}'.format(3.14159) => '3.14'
        '{:,}'.format(1234567) => '1,234,567'
        '{!r}'.format('a') => "'a'"
        '{!r:>5}'.format('a') => "  'a'"
        '{!s}'.format('a') => 'a'
        '{!a}'.format('é') => "'\\xe9'"
        '{{}} {{{0}}}'.format(7) => '{} {7}'
        '{0[1]}'.format([5, 6]) => '6'
        '{0[a]}'.format({'a': 7}) => '7'
        '{0[0]}{0[1]}'.format('xy') => 'xy'
        '{0.real}'.format(5) => '5'
        '{:{}}'.format(1, 5) => '    1'
        '{:{w}.{p}f}'.format(3.14159, w=10, p=2) => '      3.14'
        '{:%}'.format(0.5) => '50.000000%'
        '{0:}'.format(None) => 'None'
        '{00}'.format(1) => '1'
        '{}'.format([1, 'a']) => "[1, 'a']"
        '{:>10}'.format('x') => '         x'
        '{:d}'.format(True) => '1'
        '{}'.format(True) => 'True'
        '{0'.format(1) => ValueError: expected '}' before end of string
        '{'.format(1) => ValueError: Single '{' encountered in format string
        '}'.format(1) => ValueError: Single '}' encountered in format string
        'a}b'.format(1) => ValueError: Single '}' encountered in format string
        '{0!}'.format(1) => ValueError: unmatched '{' in format spec
        '{0!x}'.format(1) => ValueError: Unknown conversion specifier x
        '{0!rr}'.format(1) => ValueError: expected ':' after conversion specifier
        '{0}{}'.format(1, 2) => ValueError: cannot switch from manual field specification to automatic field numbering
        '{}{0}'.format(1, 2) => ValueError: cannot switch from automatic field numbering to manual field specification
        '{2}'.format(1, 2) => IndexError: Replacement index 2 out of range for positional args tuple
        '{}{}'.format(1) => IndexError: Replacement index 1 out of range for positional args tuple
        '{}'.format() => IndexError: Replacement index 0 out of range for positional args tuple
        '{x}'.format(y=1) => KeyError: 'x'
        '{ 0}'.format(1) => KeyError: ' 0'
        '{-1}'.format(1) => KeyError: '-1'
        '{0[0}'.format([5]) => ValueError: expected '}' before end of string
        '{0.}'.format(1) => ValueError: Empty attribute in format string
        '{0[0]x}'.format([1]) => ValueError: Only '.' or '[' may follow ']' in format field specifier
        '{0[5]}'.format([1]) => IndexError: list index out of range
        '{0.foo}'.format(1) => AttributeError: 'int' object has no attribute 'foo'
        '{:{:{}}}'.format(1, 2, 3) => ValueError: Max string recursion exceeded
        '{a{b}'.format(1) => ValueError: unexpected '{' in field name
        '{0:{'.format(1) => ValueError: unmatched '{' in format spec
        '{:>{}}'.format('x', 'a') => ValueError: Unknown format code 'a' for object of type 'str'
        '{:d}'.format('x') => ValueError: Unknown format code 'd' for object of type 'str'
        '{0:5}'.format(None) => TypeError: unsupported format string passed to NoneType.__format__
        '42'.zfill(5) => '00042'
        '-42'.zfill(5) => '-0042'
        '+42'.zfill(5) => '+0042'
        'abc'.zfill(2) => 'abc'
        ''.zfill(3) => '000'
        'a'.zfill('5') => TypeError: 'str' object cannot be interpreted as an integer
        'ab'.center(5) => '  ab '
        'a'.center(4) => ' a  '
        'abc'.center(6) => ' abc  '
        'abc'.center(7, '*') => '**abc**'
        'ab'.center(1) => 'ab'
        'ab'.ljust(5, '-') => 'ab---'
        'ab'.rjust(5) => '   ab'
        'ab'.rjust(5, '0') => '000ab'
        'a'.center() => TypeError: center expected at least 1 argument, got 0
        'a'.center(5, 'ab') => TypeError: The fill character must be exactly one character long
        'a'.center(5, 1) => TypeError: The fill character must be a unicode character, not int
        'a'.center('5') => TypeError: 'str' object cannot be interpreted as an integer
        'a\tb\tc'.expandtabs() => 'a       b       c'
        'a\tbc\td'.expandtabs(4) => 'a   bc  d'
        'ab\n\tc'.expandtabs(4) => 'ab\n    c'
        'a\tb'.expandtabs(0) => 'ab'
        'a\tb'.expandtabs(tabsize=2) => 'a b'
        'a'.expandtabs('a') => TypeError: 'str' object cannot be interpreted as an integer
        '123'.isdigit() => True
        '12a'.isdigit() => False
        ''.isdigit() => False
        '²'.isdigit() => True
        '²'.isdecimal() => False
        '½'.isnumeric() => True
        '½'.isdigit() => False
        '٣'.isdecimal() => True
        'abc'.isalpha() => True
        'ab1'.isalpha() => False
        'ab1'.isalnum() => True
        'ab 1'.isalnum() => False
        ' \t\n'.isspace() => True
        ''.isspace() => False
        'ABC1'.isupper() => True
        'AbC'.isupper() => False
        '123'.isupper() => False
        'abc1'.islower() => True
        'aBc'.islower() => False
        'abc'.isascii() => True
        'é'.isascii() => False
        ''.isascii() => True
        'Hello World'.istitle() => True
        'Hello world'.istitle() => False
        'HELLO'.istitle() => False
        '_a1'.isidentifier() => True
        '1a'.isidentifier() => False
        'a-b'.isidentifier() => False
        ''.isidentifier() => False
        'a'.isdigit(1) => TypeError: str.isdigit() takes no arguments (1 given)
        'a=b=c'.partition('=') => ('a', '=', 'b=c')
        'a=b=c'.rpartition('=') => ('a=b', '=', 'c')
        'abc'.partition('x') => ('abc', '', '')
        'abc'.rpartition('x') => ('', '', 'abc')
        'a'.partition('') => ValueError: empty separator
        'a'.partition(1) => TypeError: must be str, not int
        'a'.partition() => TypeError: str.partition() takes exactly one argument (0 given)
        'prefix-body'.removeprefix('prefix-') => 'body'
        'prefix-body'.removeprefix('x') => 'prefix-body'
        'body.txt'.removesuffix('.txt') => 'body'
        'body.txt'.removesuffix('') => 'body.txt'
        'a'.removeprefix(1) => TypeError: removeprefix() argument must be str, not int
        'héllo'.encode() => b'h\xc3\xa9llo'
        'héllo'.encode('utf-8') => b'h\xc3\xa9llo'
        'a'.encode('utf8') => b'a'
        'a'.encode('UTF_8') => b'a'
        'a'.encode('ascii') => b'a'
        'a'.encode('latin-1') => b'a'
        'é'.encode('latin-1') => b'\xe9'
        'é'.encode('ascii') => UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)
        'é€'.encode('ascii') => UnicodeEncodeError: 'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)
        '€'.encode('latin-1') => UnicodeEncodeError: 'latin-1' codec can't encode character '\u20ac' in position 0: ordinal not in range(256)
        'é€'.encode('ascii', 'replace') => b'??'
        'é€'.encode('ascii', 'ignore') => b''
        'é'.encode('ascii', 'backslashreplace') => b'\\xe9'
        'a'.encode('ascii', 'foo') => b'a'
        'é'.encode('ascii', 'foo') => LookupError: unknown error handler name 'foo'
        'a'.encode(errors='ignore') => b'a'
        'a'.encode('foo') => LookupError: unknown encoding: foo
        'a'.encode(1) => TypeError: encode() argument 'encoding' must be str, not int
        'a'.encode('utf-8', 'strict', 3) => TypeError: encode() takes at most 2 arguments (3 given)
        b'h\xc3\xa9llo'.decode() => 'héllo'
        b'h\xc3\xa9llo'.decode('utf-8') => 'héllo'
        b'\xe9'.decode('latin-1') => 'é'
        b'abc'.decode('ascii') => 'abc'
        b'\xe9'.decode('ascii') => UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)
        b'\xff'.decode() => UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
        b'abc\xff'.decode('utf-8', 'ignore') => 'abc'
        b'abc\xffd'.decode('utf-8', 'replace') => 'abc�d'
        b'a\xffb'.decode('utf-8', 'backslashreplace') => 'a\\xffb'
        b'\xe2\x82'.decode() => UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data
        b'\xe2\x28\xa1'.decode() => UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte
        b'a\xe2\x82'.decode() => UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: unexpected end of data
        b'\xe2\x82\x28'.decode() => UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte
        b'\xf0\x9f\x98'.decode() => UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-2: unexpected end of data
        b'\xc0\x80'.decode() => UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte
        b'\xed\xa0\x80'.decode() => UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte
        b'\xff'.decode('utf-8', 'foo') => LookupError: unknown error handler name 'foo'
        b'ab'.decode('foo') => LookupError: unknown encoding: foo
        b'a'.decode(1) => TypeError: decode() argument 'encoding' must be str, not int
        b'  ab \n'.strip() => b'ab'
        b'xxabxx'.strip(b'x') => b'ab'
        b'  ab  '.lstrip() => b'ab  '
        b'  ab  '.rstrip() => b'  ab'
        b'a'.strip('a') => TypeError: a bytes-like object is required, not 'str'
        b'a b  c'.split() => [b'a', b'b', b'c']
        b'a,b,,c'.split(b',') => [b'a', b'b', b'', b'c']
        b'a,b,,c'.split(b',', 1) => [b'a', b'b,,c']
        b' a b '.split(None, 1) => [b'a', b'b ']
        b'a'.split('a') => TypeError: a bytes-like object is required, not 'str'
        b'a'.split(b'') => ValueError: empty separator
        b'hello'.startswith(b'he') => True
        b'hello'.startswith((b'x', b'he')) => True
        b'hello'.endswith(b'lo', 0, 4) => False
        b'a'.startswith('a') => TypeError: startswith first arg must be bytes or a tuple of bytes, not str
        b'a'.startswith(('a',)) => TypeError: a bytes-like object is required, not 'str'
        b'Hello'.upper() => b'HELLO'
        b'Hello'.lower() => b'hello'
        b'\x00\xffab'.hex() => '00ff6162'
        b'a'.hex(1) => TypeError: object of type 'int' has no len()
        b','.join([b'a', b'b']) => b'a,b'
        b','.join([b'a', 'b']) => TypeError: sequence item 1: expected a bytes-like object, str found
        b'aaa'.replace(b'a', b'bb', 2) => b'bbbba'
        b'abc'.replace(b'', b'-') => b'-a-b-c-'
        b'hello'.find(b'l') => 2
        b'hello'.find(108) => 2
        b'hello'.find(b'x') => -1
        b'hello'.count(b'l') => 2
        b'hello'.count(b'') => 6
        (1).bit_length() => 1
        (255).bit_length() => 8
        (-255).bit_length() => 8
        (0).bit_length() => 0
        (2**70).bit_length() => 71
        (255).bit_count() => 8
        (-7).bit_count() => 3
        True.bit_length() => 1
        (1).bit_length(1) => TypeError: int.bit_length() takes no arguments (1 given)
        (1.5).is_integer() => False
        (2.0).is_integer() => True
        (1.5).is_integer(1) => TypeError: float.is_integer() takes no arguments (1 given)
        'a'.startswith('a',1,2,3) => TypeError: startswith() takes at most 3 arguments (4 given)
        'a'.count('a',1,2,3) => TypeError: count() takes at most 3 arguments (4 given)
        'a'.index('a',1,2,3) => TypeError: index() takes at most 3 arguments (4 given)
        b'a'.startswith(b'a',1,2,3) => TypeError: startswith() takes at most 3 arguments (4 given)
        b'a'.find(b'a',1,2,3) => TypeError: find() takes at most 3 arguments (4 given)
        b'a'.find() => TypeError: find() takes at least 1 argument (0 given)
        b'\x01\x02\x03\x04\x05'.hex(':') => '01:02:03:04:05'
        b'\x01\x02\x03\x04\x05'.hex(':', 2) => '01:0203:0405'
        b'\x01\x02\x03\x04\x05'.hex(':', -2) => '0102:0304:05'
        b'\x01\x02\x03'.hex(b'-') => '01-02-03'
        b'\x01\x02'.hex('ab') => ValueError: sep must be length 1.
        b'\x01\x02'.hex(sep='.') => '01.02'
        b'\x01\x02'.hex(':', 0) => '0102'
        b''.hex(':') => ''
        b'ab'.strip(b'a', b'b') => TypeError: strip expected at most 1 argument, got 2
        "##,
    );
}

#[test]
fn list_tuple_dict_set_methods_match_cpython() {
    check(
        r##"
        (lambda l: (l.append(3), l))([1, 2]) => (None, [1, 2, 3])
        (lambda l: (l.extend('ab'), l))([1]) => (None, [1, 'a', 'b'])
        (lambda l: (l.extend(l), l))([1, 2]) => (None, [1, 2, 1, 2])
        (lambda l: (l.extend(range(3)), l))([]) => (None, [0, 1, 2])
        (lambda l: (l.insert(0, 'x'), l))([1, 2]) => (None, ['x', 1, 2])
        (lambda l: (l.insert(-1, 'x'), l))([1, 2]) => (None, [1, 'x', 2])
        (lambda l: (l.insert(100, 'x'), l))([1, 2]) => (None, [1, 2, 'x'])
        (lambda l: (l.insert(-100, 'x'), l))([1, 2]) => (None, ['x', 1, 2])
        (lambda l: (l.pop(), l))([1, 2, 3]) => (3, [1, 2])
        (lambda l: (l.pop(0), l))([1, 2, 3]) => (1, [2, 3])
        (lambda l: (l.pop(-2), l))([1, 2, 3]) => (2, [1, 3])
        (lambda l: (l.remove(2), l))([1, 2, 3, 2]) => (None, [1, 3, 2])
        (lambda l: (l.remove(1.0), l))([True, 1]) => (None, [1])
        (lambda l: (l.sort(), l))([3, 1, 2]) => (None, [1, 2, 3])
        (lambda l: (l.sort(reverse=True), l))([3, 1, 2]) => (None, [3, 2, 1])
        (lambda l: (l.sort(key=len), l))(['bb', 'a', 'cc', 'd', 'eee']) => (None, ['a', 'd', 'bb', 'cc', 'eee'])
        (lambda l: (l.sort(key=len, reverse=True), l))(['bb', 'a', 'cc', 'd', 'eee']) => (None, ['eee', 'bb', 'cc', 'a', 'd'])
        (lambda l: (l.sort(key=lambda p: p[0]), l))([(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')]) => (None, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')])
        (lambda l: (l.sort(key=lambda p: p[0], reverse=True), l))([(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')]) => (None, [(2, 'a'), (2, 'c'), (1, 'b'), (1, 'd')])
        (lambda l: (l.sort(key=lambda s: s.lower()), l))(['b', 'A', 'a', 'B']) => (None, ['A', 'a', 'b', 'B'])
        (lambda l: (l.reverse(), l))([1, 2, 3]) => (None, [3, 2, 1])
        (lambda l: (l.clear(), l))([1, 2, 3]) => (None, [])
        (lambda l: (l.copy(), l.copy() == l))([1, 2]) => ([1, 2], True)
        [1, 2, 3, 2].index(2) => 1
        [1, 2, 3, 2].index(2, 2) => 3
        [1, 2, 3, 2].index(2, -1) => 3
        [1, 2, 3].index(3, 0, 2) => ValueError: 3 is not in list
        [1, 2, 3, 2, 2].count(2) => 3
        [1, True, 1.0].count(1) => 3
        [].append() => TypeError: list.append() takes exactly one argument (0 given)
        [].append(1, 2) => TypeError: list.append() takes exactly one argument (2 given)
        [].pop() => IndexError: pop from empty list
        [1].pop(5) => IndexError: pop index out of range
        [1].pop(-2) => IndexError: pop index out of range
        [1].pop('a') => TypeError: 'str' object cannot be interpreted as an integer
        [1].remove(2) => ValueError: list.remove(x): x not in list
        [1].index(2) => ValueError: 2 is not in list
        ['a'].index('b') => ValueError: 'b' is not in list
        [1].index() => TypeError: index expected at least 1 argument, got 0
        [1].index(1, 'a') => TypeError: slice indices must be integers or have an __index__ method
        [1].insert(1) => TypeError: insert expected 2 arguments, got 1
        [1].insert('a', 1) => TypeError: 'str' object cannot be interpreted as an integer
        [1].extend(1) => TypeError: 'int' object is not iterable
        [1].sort(1) => TypeError: sort() takes no positional arguments
        [1].sort(key=1) => TypeError: 'int' object is not callable
        [1, 'a'].sort() => TypeError: '<' not supported between instances of 'str' and 'int'
        [3, 1, 'a', 2].sort() => TypeError: '<' not supported between instances of 'str' and 'int'
        [1].sort(x=1) => TypeError: 'x' is an invalid keyword argument for sort()
        [1].count() => TypeError: list.count() takes exactly one argument (0 given)
        [1].clear(1) => TypeError: list.clear() takes no arguments (1 given)
        [1].copy(1) => TypeError: list.copy() takes no arguments (1 given)
        (1, 2, 1).count(1) => 2
        (1, 2, 3).index(2) => 1
        (1, 2, 3).index(1, 1) => ValueError: tuple.index(x): x not in tuple
        (1,).index(2) => ValueError: tuple.index(x): x not in tuple
        (1,).count() => TypeError: tuple.count() takes exactly one argument (0 given)
        {'a': 1}.get('a') => 1
        {'a': 1}.get('b') => None
        {'a': 1}.get('b', 0) => 0
        {1: 'x'}.get(1.0) => 'x'
        {}.get() => TypeError: get expected at least 1 argument, got 0
        {}.get(1, 2, 3) => TypeError: get expected at most 2 arguments, got 3
        {}.get([]) => TypeError: unhashable type: 'list'
        {}.get(1, default=2) => TypeError: dict.get() takes no keyword arguments
        {'a': 1, 'b': 2}.keys() => dict_keys(['a', 'b'])
        {'a': 1, 'b': 2}.values() => dict_values([1, 2])
        {'a': 1, 'b': 2}.items() => dict_items([('a', 1), ('b', 2)])
        {}.keys() => dict_keys([])
        list({'a': 1, 'b': 2}.items()) => [('a', 1), ('b', 2)]
        len({'a': 1, 'b': 2}.values()) => 2
        sorted({'b': 1, 'a': 2}.keys()) => ['a', 'b']
        {}.keys(1) => TypeError: dict.keys() takes no arguments (1 given)
        (lambda d: (d.pop('a'), d))({'a': 1, 'b': 2}) => (1, {'b': 2})
        (lambda d: (d.pop('x', 0), d))({'a': 1}) => (0, {'a': 1})
        {}.pop(1) => KeyError: 1
        {}.pop('k') => KeyError: 'k'
        {}.pop() => TypeError: pop expected at least 1 argument, got 0
        {}.pop(1, 2, 3) => TypeError: pop expected at most 2 arguments, got 3
        (lambda d: (d.popitem(), d))({'a': 1, 'b': 2}) => (('b', 2), {'a': 1})
        {}.popitem() => KeyError: 'popitem(): dictionary is empty'
        (lambda d: (d.setdefault('a', 5), d.setdefault('b', 6), d))({'a': 1}) => (1, 6, {'a': 1, 'b': 6})
        (lambda d: (d.setdefault('c'), d))({}) => (None, {'c': None})
        {}.setdefault() => TypeError: setdefault expected at least 1 argument, got 0
        (lambda d: (d.update({'b': 3, 'c': 4}), d))({'a': 1, 'b': 2}) => (None, {'a': 1, 'b': 3, 'c': 4})
        (lambda d: (d.update([('x', 1)], y=2), d))({}) => (None, {'x': 1, 'y': 2})
        (lambda d: (d.update(z=0), d))({'a': 1}) => (None, {'a': 1, 'z': 0})
        (lambda d: (d.update({'a': 1}.items()), d))({}) => (None, {'a': 1})
        (lambda d: (d.update(), d))({'a': 1}) => (None, {'a': 1})
        {}.update(1) => TypeError: 'int' object is not iterable
        {}.update([1]) => TypeError: cannot convert dictionary update sequence element #0 to a sequence
        {}.update([(1, 2, 3)]) => ValueError: dictionary update sequence element #0 has length 3; 2 is required
        {}.update({}, {}) => TypeError: update expected at most 1 argument, got 2
        {}.update(['ab', 'c']) => ValueError: dictionary update sequence element #1 has length 1; 2 is required
        (lambda d: (d.copy(), d.clear(), d))({'a': 1}) => ({'a': 1}, None, {})
        (lambda d: (d.pop('a'), d.keys()))({'a': 1, 'b': 2}) => (1, dict_keys(['b']))
        (lambda d: (d.keys(), d.update(c=3)))({'a': 1})[0] => dict_keys(['a', 'c'])
        (lambda d: (d.pop('b'), d.update(b=9), d))({'a': 1, 'b': 2, 'c': 3}) => (2, None, {'a': 1, 'c': 3, 'b': 9})
        (lambda s: (s.add(3), s))({1, 2}) => (None, {1, 2, 3})
        (lambda s: (s.add(1), s))({1, 2}) => (None, {1, 2})
        (lambda s: (s.discard(1), s.discard(5), s))({1, 2}) => (None, None, {2})
        (lambda s: (s.remove(1), s))({1, 2}) => (None, {2})
        set().remove(1) => KeyError: 1
        {1}.remove([]) => TypeError: unhashable type: 'list'
        (lambda s: (s.pop(), s))({3, 1, 2}) => (1, {2, 3})
        set().pop() => KeyError: 'pop from an empty set'
        set().add() => TypeError: set.add() takes exactly one argument (0 given)
        set().add([]) => TypeError: unhashable type: 'list'
        {1, 2}.union({3}, [4, 1]) => {1, 2, 3, 4}
        {1, 2}.union() => {1, 2}
        {1, 2, 3}.intersection({2, 3, 4}, [3]) => {3}
        {1, 2, 3}.difference({2}, [3]) => {1}
        {1, 2, 3}.symmetric_difference({3, 4}) => {1, 2, 4}
        (lambda s: (s.update([5], (6,)), s))({1}) => (None, {1, 5, 6})
        (lambda s: (s.intersection_update([1, 3]), s))({1, 2, 3}) => (None, {1, 3})
        (lambda s: (s.difference_update([1]), s))({1, 2, 3}) => (None, {2, 3})
        (lambda s: (s.symmetric_difference_update([1, 4]), s))({1, 2, 3}) => (None, {2, 3, 4})
        {1, 2}.issubset([1, 2, 3]) => True
        {1, 4}.issubset([1, 2, 3]) => False
        {1, 2, 3}.issuperset({1}) => True
        {1, 2}.isdisjoint([3, 4]) => True
        {1, 2}.isdisjoint([2]) => False
        set().union(1) => TypeError: 'int' object is not iterable
        set().issubset(1) => TypeError: 'int' object is not iterable
        set().union([[1]]) => TypeError: unhashable type: 'list'
        {1}.union(x=1) => TypeError: set.union() takes no keyword arguments
        (lambda s: (s.copy(), s.clear(), s))({1, 2}) => ({1, 2}, None, set())
        {1, 2}.issubset() => TypeError: set.issubset() takes exactly one argument (0 given)
        [1].sort(key=1, reverse=1) => TypeError: 'int' object is not callable
        [].sort(key=1) => None
        str.lower('AB') => 'ab'
        str.lower() => TypeError: unbound method str.lower() needs an argument
        str.lower(1) => TypeError: descriptor 'lower' for 'str' objects doesn't apply to a 'int' object
        str.join(',', ['a', 'b']) => 'a,b'
        sorted(['b', 'A', 'c'], key=str.lower) => ['A', 'b', 'c']
        list(map(str.strip, [' a ', 'b '])) => ['a', 'b']
        dict.fromkeys('ab') => {'a': None, 'b': None}
        dict.fromkeys('ab', 0) => {'a': 0, 'b': 0}
        dict.fromkeys() => TypeError: fromkeys expected at least 1 argument, got 0
        dict.fromkeys([[1]]) => TypeError: unhashable type: 'list'
        dict.get({'a': 1}, 'a') => 1
        list.append([], 1) => None
        int.bit_length(5) => 3
        int.bit_length(True) => 1
        float.is_integer(1) => TypeError: descriptor 'is_integer' for 'float' objects doesn't apply to a 'int' object
        str.upper(x=1) => TypeError: unbound method str.upper() needs an argument
        bytes.hex(b'a') => '61'
        set.add(1, 2) => TypeError: descriptor 'add' for 'set' objects doesn't apply to a 'int' object
        dict.keys([]) => TypeError: descriptor 'keys' for 'dict' objects doesn't apply to a 'list' object
        tuple.count((1,), 1) => 1
        "##,
    );
}
