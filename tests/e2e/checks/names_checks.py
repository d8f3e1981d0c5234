"""Names that collide with Python, and doc text that is hard to quote (issue 3 §4), checked
on samples/names inside each interpreter. The escaped names follow the naming table,
targets/common/python_names.cpp: a module-level name that is a keyword, a builtin or a name
the generated module defines itself gets a trailing underscore (`names.None_`,
`names.Ellipsis_`, `names.Error_`); a member that is a keyword likewise (`cell.None_`); a
parameter that is a keyword (`from_`, `lambda_`), is `self` (`self_`) or starts with the
generated code's `_g` prefix (`_gffi_`); other builtins (`print`, `len`, `str`) stay as they are for parameters.
Docstrings carry the doc text exactly, whatever it holds."""

import builtins
import inspect

import names

# The doc text of samples/names/names.gpi, exactly as written after `/// ` (and the tags).
EN_MODULE = ('Names that collide with Python, and doc text that is hard to quote: """triple quotes""",\n'
             'a C comment closer */, backslashes C:\\new\\table and the two characters \\n.')
KO_MODULE = '파이썬과 부딪히는 이름과 인용하기 어려운 문서 글입니다. """큰따옴표 세 개""", */, 역슬래시 \\n도 그대로입니다.'

EN_NONE = ('Returns "nothing". Quotes: """triple""", \'\'\' and a lone " in the middle.\n'
           'A C comment closer */ and opener /* and a line comment // stay as they are.\n'
           'Backslashes: C:\\new\\table\\x41 and \\\\server\\share; escape-looking \\n \\t \\" \\u00e9 \\x00 \\ sequences.\n'
           'Template markers: $doc$ $name$ $$ {0} {name} {{ }} %s %d %% `backticks` ${HOME}.\n'
           '\n'
           '    an indented code line\n'
           '@enough is not a tag, nor is @kor.')
KO_NONE = ('"nothing"을 반환합니다. 따옴표 """세 개""", 주석 닫기 */, 역슬래시 C:\\새\\폴더와 글자 \\n도 그대로 둡니다.\n'
           '두 번째 줄입니다.')

EN_CELL = 'A struct whose fields are named like Python keywords. Its doc ends with a quote: "end"'
KO_CELL = '필드 이름이 파이썬 키워드와 같은 구조체입니다. 문서가 따옴표로 끝납니다: "끝"'
EN_CELL_NONE = 'A field named None. */ "quoted" \\ backslash'
KO_CELL_NONE = '이름이 None인 필드입니다. */ "따옴표" \\ 역슬래시'
EN_PRINT = 'Returns Class when print is true. """Triple""" quotes in a method\'s doc.'
KO_PRINT = 'print가 참이면 Class를 반환합니다. 메서드 문서 속 """세 따옴표"""입니다.'


def raises(exc_type, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except exc_type as e:
        return e
    raise AssertionError("%s did not raise %s" % (getattr(fn, "__name__", fn), exc_type.__name__))


def assert_doc(obj, en, ko, what):
    doc = getattr(obj, "__doc__", None)
    assert doc, "%s has no docstring" % what
    # Generated docstrings are indented like the code around them: compare without that.
    text = inspect.cleandoc(doc)
    assert text.startswith(en), "%s: docstring does not start with the English text:\n%r\nwant:\n%r" % (what, text, en)
    assert ko in text, "%s: docstring lacks the Korean text:\n%r\nwant:\n%r" % (what, text, ko)


# --- Names --------------------------------------------------------------------------------------

def check_keyword_named_functions_and_constants():
    assert names.None_() == "nothing"
    assert names.True_ is False
    assert names.False_ == 1
    assert names.None_.__name__ == "None_"


def check_builtin_named_module_attributes_do_not_shadow_builtins():
    assert names.Ellipsis_ == "..."
    names.Ellipsis_ = "…"
    assert names.Ellipsis_ == "…"
    assert names.TypeError_("x") == "TypeError: x"
    assert names.__dict__.get("TypeError", builtins.TypeError) is builtins.TypeError
    assert names.__dict__.get("Ellipsis", builtins.Ellipsis) is builtins.Ellipsis


def check_names_the_module_defines_itself_keep_their_meaning():
    assert names.Error_() == "not an exception"
    assert names.GoPanic_() == "no panic"
    assert issubclass(names.Error, names.GoError) and issubclass(names.GoPanic, Exception)


def check_keyword_and_builtin_parameters():
    assert list(names.Range(1, 4)) == [1, 2, 3]
    assert names.Apply(lambda x: x * 2, 3) == 6
    assert names.Show(True, 3, "ab") == "ababab"
    assert names.Shadow(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) == 55
    assert names.Private(3, "ab") == "ababab"
    assert names.Pack(2, "a", "b") == "**a,b"
    assert names.Pack(0) == ""


def check_escaped_parameters_work_as_keywords():
    assert list(names.Range(from_=1, to=3)) == [1, 2]
    assert names.Apply(lambda_=lambda x: x + 1, x=1) == 2
    assert names.Show(print=True, len=2, str="x") == "xx"
    assert names.Private(_gffi_=2, _glib_="z") == "zz"
    assert names.Pack(args=1) == "*"
    assert names.Shadow(1, 2, 3, 4, 5, 6, 7, 8, self_=9, res=10) == 55
    c = names.Cell()
    c.Set(self_=4, lambda_="kw")  # a method parameter named self is escaped like a keyword
    assert (c.True_, c.Class) == (4, "kw")


def check_keyword_named_fields_and_methods():
    c = names.Cell(None_=True, True_=3, Class="k")
    assert c.None_ is True and c.True_ == 3 and c.Class == "k"
    c.None_ = False
    assert c.None_ is False
    assert c.Print(True) == "k" and c.Print(print=False) == ""
    c.Set(5, "z")  # Go's parameter names are self and lambda
    assert (c.True_, c.Class) == (5, "z")
    assert c.From(1) == 6 and c.From(from_=2) == 7
    positional = names.Cell(True, 1, "p")
    assert (positional.None_, positional.True_, positional.Class) == (True, 1, "p")


def check_builtin_named_struct():
    e = names.Exception_(Message="m")
    assert e.Raise() == "m"
    assert e.None_() is False
    assert names.Exception_().None_() is True
    assert not issubclass(names.Exception_, BaseException)
    assert names.__dict__.get("Exception", builtins.Exception) is builtins.Exception


def check_string_full_of_escapes_round_trips():
    assert names.Quoted() == '""" */ \\ \\n 안녕 $doc$ {0} %s `'


# --- Docstrings ---------------------------------------------------------------------------------

def check_module_docstring():
    assert_doc(names, EN_MODULE, KO_MODULE, "the module")


def check_function_docstring_with_every_hard_character():
    assert_doc(names.None_, EN_NONE, KO_NONE, "None_")


def check_struct_field_and_method_docstrings():
    assert_doc(names.Cell, EN_CELL, KO_CELL, "Cell")
    assert_doc(names.Cell.None_, EN_CELL_NONE, KO_CELL_NONE, "Cell.None_")
    assert_doc(names.Cell.Print, EN_PRINT, KO_PRINT, "Cell.Print")
