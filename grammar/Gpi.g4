// The .gpi language: a subset of Go declaration syntax (DESIGN §2).
//
// Semicolons. Like Go, declarations end at a newline or `;`. The lexer emits NL tokens and
// compiler/gpi_lexing.cpp rewrites the token list before the parser sees it, following Go's
// rule (a newline after an identifier, literal, `)`, `]` or `}` becomes a SEMI) with two
// pragmatic additions: newlines inside `(...)` and `[...]` (other than `const (`/`var (`/
// `type (`/`import (` groups) are plain whitespace, so a parameter list may span lines with or
// without a trailing comma; and a SEMI is supplied before a group's `)` or a body's `}` and at
// the end of the file, so every item of every list below simply ends with SEMI. Runs of SEMI
// are collapsed into one, so the parser never sees an empty statement.
//
// Doc comments (`///`) and `//gpic:` directives are taken off the token list by the same pass
// and attached by the AST builder to the token that follows them; the parser never sees comments.
//
// The rules are written to need at most two tokens of lookahead, so SLL prediction (tried
// first, see compiler/parser.cpp) almost never has to fall back to full LL.
grammar Gpi;

// ---------------------------------------------------------------------------------------------
// Parser

// The whole file. parse_gpi() parses its parts one at a time (the package clause, then each
// declaration) so that it can free each declaration's tree once built; see parser.cpp.
sourceFile
    : packageClause declaration* EOF
    ;

// `package shapes "example.com/shapes"`; without the path, the Go import path is the name.
packageClause
    : PACKAGE IDENT STRING? SEMI
    ;

// Every declaration, spec, field and method ends with its own SEMI, inside its own rule: a
// syntax error is then caught by the innermost of these rules, and ANTLR resynchronises at the
// start of the next one (the next declaration, spec or field) instead of giving up on the
// enclosing list, so that each mistake costs one error and the rest of the file is checked.
declaration
    : importDecl
    | constDecl
    | varDecl
    | typeDecl
    | funcDecl
    ;

importDecl
    : IMPORT (importSpec | LPAREN importSpec* RPAREN SEMI)
    ;

// `import "geo.gpi"`, or `import g "geo.gpi"` to name the package g in this file, as Go's
// `import tmpl "text/template"` does (two imported packages of one name told apart).
importSpec
    : IDENT? STRING SEMI
    ;

constDecl
    : CONST (constSpec | constGroup)
    ;

constGroup
    : LPAREN constSpec* RPAREN SEMI
    ;

// Inside a group, a spec without `= values` repeats the previous spec's type and values.
constSpec
    : identList (type_? ASSIGN exprList)? SEMI
    ;

varDecl
    : VAR (varSpec | varGroup)
    ;

varGroup
    : LPAREN varSpec* RPAREN SEMI
    ;

varSpec
    : identList type_ SEMI
    ;

typeDecl
    : TYPE (typeSpec | typeGroup)
    ;

typeGroup
    : LPAREN typeSpec* RPAREN SEMI
    ;

// An alias (`= type_`), a struct, an interface, or a defined type. One rule, not four
// alternatives, so that the choice is made at the token after the name and a missing type is
// reported as such.
//
// A generic type declares its type parameters as Go does (`type Set[T comparable] struct {...}`);
// it is bound only through instantiations the file names: `type IntSet = Set[int]`.
typeSpec
    : IDENT typeParams? (ASSIGN type_ | structType | interfaceType | type_) SEMI
    ;

// `[K comparable, V any]`, `[N ~int | ~float64]`, `[S ~[]E, E cmp.Ordered]`. Only the names
// matter to gpic (compiler/check_generics.cpp substitutes them); Go checks type arguments against
// the constraints, and gpic itself where a constraint is a plain union or `comparable`.
// Inside brackets, `[T any]` cannot be mistaken for an array type: an array's length is an
// INT_LIT in a .gpi.
typeParams
    : LBRACK typeParamDecl (COMMA typeParamDecl)* COMMA? RBRACK
    ;

typeParamDecl
    : identList typeConstraint
    ;

typeConstraint
    : constraintTerm (PIPE constraintTerm)*
    ;

constraintTerm
    : TILDE? type_
    | interfaceType
    ;

// `Set[int]`, `Pair[string, *Point]`: the type arguments of an instantiation.
typeArgs
    : LBRACK type_ (COMMA type_)* COMMA? RBRACK
    ;

structType
    : STRUCT LBRACE fieldDecl* RBRACE
    ;

// Struct tags are accepted (so a struct can be pasted from Go source) and ignored. An
// anonymous struct as a field's type (zstd's `Header.Dictionary struct {...}`) is parsed only
// so that the builder can say what to write instead.
fieldDecl
    : identList (type_ | structType) STRING? SEMI  # namedFields
    | STAR? typeName STRING? SEMI   # embeddedField
    ;

interfaceType
    : INTERFACE LBRACE interfaceElem* RBRACE
    ;

interfaceElem
    : IDENT signature SEMI          # interfaceMethod
    | typeName SEMI                 # embeddedInterface
    ;

// A generic function declares its type parameters (`func Max[T cmp.Ordered](a, b T) T`) and
// is bound through instantiations: `func MaxInt = Max[int]`.
funcDecl
    : FUNC receiver? IDENT (typeParams? signature | ASSIGN typeName typeArgs) SEMI
    ;

// `(p *Point)`, `(p Point)`, `(*Point)`, `(Point)`, and on a generic type `(s *Set[T])`. A
// qualified type is parsed so that the checker can say why it is not allowed.
receiver
    : LPAREN IDENT? STAR? typeName typeArgs? RPAREN
    ;

signature
    : parameters result?
    ;

result
    : parameters
    | type_
    ;

// (Go's parenthesised types `(int)` are left out: they would make `result` ambiguous.)
//
// Each item is `name Type`, `name ...Type` or a lone type; as in Go's own parser, which lone
// identifiers are really parameter names (`a, b int`) is decided afterwards, by the builder.
parameters
    : LPAREN (parameterDecl (COMMA parameterDecl)* COMMA?)? RPAREN
    ;

parameterDecl
    : IDENT? ELLIPSIS? type_
    ;

type_
    : typeName typeArgs?                # namedType
    | LBRACK RBRACK type_               # sliceType
    | LBRACK INT_LIT RBRACK type_       # arrayType
    | MAP LBRACK type_ RBRACK type_     # mapType
    | STAR type_                        # pointerType
    | FUNC signature                    # funcType
    | INTERFACE LBRACE RBRACE           # emptyInterfaceType
    | CHAN type_                        # chanType
    | ARROW CHAN type_                  # recvChanType
    | CHAN ARROW type_                  # sendChanType
    ;

typeName
    : IDENT (DOT IDENT)?
    ;

identList
    : IDENT (COMMA IDENT)*
    ;

exprList
    : expr (COMMA expr)*
    ;

// Constant expressions, with Go's five binary precedence levels. The builder keeps their
// tokens (ir::ConstExpr); the checker types them.
expr
    : primaryExpr                                                          # operandExpr
    | op=(PLUS | MINUS | NOT | CARET) expr                                 # unaryExpr
    | expr op=(STAR | SLASH | PERCENT | SHL | SHR | AMP | AMP_CARET) expr  # mulExpr
    | expr op=(PLUS | MINUS | PIPE | CARET) expr                           # addExpr
    | expr op=(EQ | NEQ | LT | LE | GT | GE) expr                          # compareExpr
    | expr LAND expr                                                       # andExpr
    | expr LOR expr                                                        # orExpr
    ;

// A conversion `Celsius(100)` or a builtin call `len("abc")` is an operand followed by
// arguments.
primaryExpr
    : operand (LPAREN exprList? COMMA? RPAREN)?
    ;

operand
    : INT_LIT
    | FLOAT_LIT
    | IMAGINARY_LIT
    | RUNE_LIT
    | STRING
    | typeName
    | LPAREN expr RPAREN
    ;

// ---------------------------------------------------------------------------------------------
// Lexer

PACKAGE   : 'package';
IMPORT    : 'import';
CONST     : 'const';
VAR       : 'var';
TYPE      : 'type';
FUNC      : 'func';
STRUCT    : 'struct';
INTERFACE : 'interface';
MAP       : 'map';

// `chan T`, `<-chan T`, `chan<- T`: Go channels Python iterates and sends to.
CHAN      : 'chan';
ARROW     : '<-';

// Go's other keywords cannot name anything; lexing them apart gives `unexpected token 'go'`
// instead of a puzzling error one token later.
RESERVED
    : 'break' | 'case' | 'continue' | 'default' | 'defer' | 'else' | 'fallthrough'
    | 'for' | 'go' | 'goto' | 'if' | 'range' | 'return' | 'select' | 'switch'
    ;

LPAREN    : '(';
RPAREN    : ')';
LBRACE    : '{';
RBRACE    : '}';
LBRACK    : '[';
RBRACK    : ']';
COMMA     : ',';
SEMI      : ';';
DOT       : '.';
ELLIPSIS  : '...';
ASSIGN    : '=';

PLUS      : '+';
MINUS     : '-';
STAR      : '*';
SLASH     : '/';
PERCENT   : '%';
SHL       : '<<';
SHR       : '>>';
AMP       : '&';
AMP_CARET : '&^';
PIPE      : '|';
CARET     : '^';
TILDE     : '~';
NOT       : '!';
LAND      : '&&';
LOR       : '||';
EQ        : '==';
NEQ       : '!=';
LT        : '<';
LE        : '<=';
GT        : '>';
GE        : '>=';

// Unicode letters are lexed so that the checker can report a non-ASCII name by name.
IDENT
    : LETTER (LETTER | UNICODE_DIGIT)*
    ;

IMAGINARY_LIT
    : (DECIMALS | INT_LIT | FLOAT_LIT) 'i'
    ;

FLOAT_LIT
    : DECIMALS '.' DECIMALS? EXPONENT?
    | DECIMALS EXPONENT
    | '.' DECIMALS EXPONENT?
    | '0' [xX] '_'? HEX_DIGITS? '.'? HEX_DIGITS? [pP] [+-]? DECIMALS
    ;

INT_LIT
    : '0' [xX] '_'? HEX_DIGITS
    | '0' [bB] '_'? [01] ('_'? [01])*
    | '0' [oO]? '_'? [0-7] ('_'? [0-7])*
    | '0'
    | [1-9] ('_'? [0-9])*
    ;

RUNE_LIT
    : '\'' (~['\\\r\n] | ESCAPE)+ '\''
    ;

STRING
    : '"' (~["\\\r\n] | ESCAPE)* '"'
    | '`' ~'`'* '`'
    ;

// `///` doc comments, but not `////...` rulers. Lexed first so `///` is not a line comment.
DOC_COMMENT
    : '///' (~[/\r\n] ~[\r\n]*)?
    ;

// `//gpic:keep data`: a directive about the declaration that follows (see the note atop the
// file). Before LINE_COMMENT, which matches the same text: at equal length the first rule wins.
DIRECTIVE
    : '//gpic:' ~[\r\n]*
    ;

LINE_COMMENT
    : '//' ~[\r\n]* -> skip
    ;

// Kept (not skipped): one that spans lines ends a declaration like a newline does.
BLOCK_COMMENT
    : '/*' .*? '*/'
    ;

NL
    : '\r'? '\n'
    | '\r'
    ;

WS
    : [ \t\f\u00A0\uFEFF]+ -> skip
    ;

// The lexer never fails: what is not a token becomes one of these, which the semicolon pass
// reports in plain words and then drops or repairs. Each matches exactly what its complete
// counterpart would except the closing delimiter, so a complete literal (one character
// longer) always wins.
UNTERMINATED_STRING
    : '"' (~["\\\r\n] | ESCAPE)* '\\'?
    | '`' ~'`'*
    ;

UNTERMINATED_RUNE
    : '\'' (~['\\\r\n] | ESCAPE)* '\\'?
    ;

UNTERMINATED_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'*
    ;

INVALID_CHAR
    : .
    ;

fragment ESCAPE        : '\\' ~[\r\n];
fragment DECIMALS      : [0-9] ('_'? [0-9])*;
fragment HEX_DIGITS    : [0-9a-fA-F] ('_'? [0-9a-fA-F])*;
fragment EXPONENT      : [eE] [+-]? DECIMALS;
fragment LETTER        : [\p{L}_];
fragment UNICODE_DIGIT : [\p{Nd}];
