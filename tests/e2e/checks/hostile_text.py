"""The hostile texts of the injection tests (issue 10 §1), shared by the test that writes the
.gpi and the checks that read the built module: each line holds what could end a comment, a
string literal or a line in generated Go, C, C++, Python or Markdown, or drive a terminal."""

# Doc comment lines (a doc comment cannot hold a newline or NUL; everything else goes in).
DOC_LINES = [
    'Closers: */ """ \'\'\' ]] ) )py" )gpic_py" </script> --> end of a Python string: "',
    "Openers: /* // # <!-- ${x} $name$ {{ }} %s",
    "Escapes: \\ \\\\ \\n \\x00 \\u2028 ??/ and a trailing backslash \\",
    "Controls: ESC\x1b[31mred\x1b[0m BIDI\u202etxet\u202c ISOLATE\u2066x\u2069 LS\u2028PS\u2029 BOM\ufeff DEL\x7f",
    "Links: [js](javascript:alert) [vb](vbscript:msgbox) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://go.dev/)",
]
DOC = "\n".join(DOC_LINES)

# A Go string literal, written the same way in the .gpi and in the Go package (the checks file
# compares the constant's value with VALUE).
LITERAL = r'"*/ \"\"\" ' + "'''" + r' \\ \n\r\t \x00 \x1b[31m \u2028 \u202e )py\" ??/ #{x} end\\"'
VALUE = "*/ \"\"\" ''' \\ \n\r\t \x00 \x1b[31m \u2028 \u202e )py\" ??/ #{x} end\\"
# Hidden characters written raw inside a .gpi string literal (the Go package spells them with
# escapes): generated Go must escape them, and the value must still match.
HIDDEN_RAW = "\x1b\u202e\u0085\u2028"
HIDDEN_GO = r'"\x1b\u202e\u0085\u2028"'
RAW = '*/ """ \\ ${x} /* ?? \u202e'
