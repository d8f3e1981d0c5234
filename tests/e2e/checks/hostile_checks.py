"""Checks of the hostile module (tests/e2e/test_injection.py writes its .gpi): texts that
could end a comment or a literal in generated code arrive intact, and names that generated
code used to merge stay distinct."""

import inspect

import hostile
import hostile_text


def assert_doc(obj, what):
    doc = getattr(obj, "__doc__", None)
    assert doc, "%s has no docstring" % what
    text = inspect.cleandoc(doc)
    assert text.startswith(hostile_text.DOC), "%s: docstring is\n%r\nwant it to start with\n%r" % (
        what, text, hostile_text.DOC)


def check_string_constants_hold_every_sequence():
    assert hostile.Hostile == hostile_text.VALUE, repr(hostile.Hostile)
    assert hostile.Raw == hostile_text.RAW, repr(hostile.Raw)
    assert hostile.Hidden == hostile_text.HIDDEN_RAW, repr(hostile.Hidden)


def check_strings_cross_intact():
    assert hostile.Echo(hostile_text.VALUE) == hostile_text.VALUE
    assert hostile.Echo(hostile_text.DOC) == hostile_text.DOC


def check_docstrings_hold_the_doc_text():
    assert_doc(hostile, "the module")
    assert_doc(hostile.Echo, "Echo")
    assert_doc(hostile.Point, "Point")
    assert_doc(hostile.Point.Dist, "Point.Dist")
    assert_doc(hostile.Point.X, "Point.X")


def check_a_method_and_a_function_of_one_c_name_stay_apart():
    p, q = hostile.Point(X=3.0, Y=4.0), hostile.Point()
    assert p.Dist(q) == 2.0
    assert hostile.Point_Dist(p, q) == 1.0
    assert hostile.Point_get_X(p) == -3.0
    assert p.X == 3.0


def check_parameters_escaped_one_to_one():
    assert hostile.Params(1, 2) == 12
    assert hostile.Params(int=1, int_=2) == 12


def check_c_and_cpp_keywords_and_gnu_macros_as_parameters():
    assert hostile.Keywords(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) == sum(i * i for i in range(1, 11))
    assert hostile.Keywords(linux=1, unix=2, class_=3, this=4, nullptr=5, template=6, operator=7, namespace=8,
                            not_=9, errno=10) == sum(i * i for i in range(1, 11))


def check_c_type_names_as_parameters():
    assert hostile.CTypes(1, 2, "s") == "s:12"
    assert hostile.CTypes(int64_t=3, size_t=4, gpic_status="t") == "t:34"


def check_the_modules_own_names_are_kept():
    assert hostile.GoHandleError_() == "Go's GoHandleError"
    assert issubclass(hostile.GoHandleError, ReferenceError)
    assert hostile.Release() == "Go's Release"
    assert hostile.Collect() == "Go's Collect"
    assert callable(hostile.release) and callable(hostile.collect)
    assert hostile.release is not hostile.Release


def check_a_python_c_api_name_as_type_and_method():
    assert hostile.PyErr().Occurred() is True
