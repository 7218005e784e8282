// The XanoScript lexer. Newlines are real tokens except inside ( ) and before a line that
// continues a filter chain with `|`; `filters=` in an input declaration switches to raw arguments.
lexer grammar XanoScriptLexer;

@members {
    // One entry per open bracket: '(' makes newlines insignificant until it closes.
    private final java.util.ArrayDeque<Character> brackets = new java.util.ArrayDeque<>();

    private void open(char c) {
        brackets.push(c);
    }

    private void close() {
        if (!brackets.isEmpty()) {
            brackets.pop();
        }
    }

    private int lastType = -1;

    @Override
    public void emit(org.antlr.v4.runtime.Token token) {
        super.emit(token);
        if (token.getChannel() == org.antlr.v4.runtime.Token.DEFAULT_CHANNEL) {
            lastType = token.getType();
        }
    }

    private boolean afterDeclarationPart() {
        return lastType == IDENT || lastType == QUESTION || lastType == RBRACK || lastType == STRING
            || lastType == SQ_STRING || lastType == NUMBER || lastType == RBRACE || lastType == INPUT
            || lastType == SCHEMA || lastType == AS || lastType == IF;
    }

    private boolean insideParens() {
        return !brackets.isEmpty() && brackets.peek() == '(';
    }

    // True when the next line that holds anything but blanks and comments starts with '|':
    // the newline then continues a filter chain instead of ending the value.
    private boolean continuesOnNextLine() {
        int i = 1;
        while (true) {
            int c = _input.LA(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '/' && _input.LA(i + 1) == '/') {
                while (_input.LA(i) != '\n' && _input.LA(i) != org.antlr.v4.runtime.IntStream.EOF) {
                    i++;
                }
            } else {
                return c == '|';
            }
        }
    }
}

// ---- lexer ---------------------------------------------------------------------------------

// `filters=` switches to raw filter arguments only inside an input declaration: after its name,
// `?`, default or `]`, never after `.` or at the start of a line (an attribute named filters).
FILTERS_ASSIGN : 'filters' [ \t]* '=' { _input.LA(1) != '=' && afterDeclarationPart() }? [ \t]* -> pushMode(INPUT_FILTERS) ;

TRIPLE_STRING  : '"""' .*? '"""' | '\'\'\'' .*? '\'\'\'' ;
STRING         : '"' ( '\\' . | ~["\\] )* '"' ;
SQ_STRING      : '\'' ( '\\' . | ~['\\] )* '\'' ;
BACKTICK       : '```' .*? '```' | '`' ( '\\' . | ~[`\\] )* '`' ;

DOLLAR2        : '$$' ;
VARIABLE       : '$' [A-Za-z_] [A-Za-z0-9_]* ;
// An unquoted timestamp such as a task schedule's `starts_on: 2025-01-01 09:00:00+0000`.
TIMESTAMP      : [0-9][0-9][0-9][0-9] '-' [0-9][0-9] '-' [0-9][0-9] ' ' [0-9][0-9] ':' [0-9][0-9] ':' [0-9][0-9] ( [+-] [0-9][0-9] ':'? [0-9][0-9] | 'Z' )? ;
NUMBER         : [0-9]+ ( '.' [0-9]+ )? ;
AS             : 'as' ;
IF             : 'if' ;
INPUT          : 'input' ;
SCHEMA         : 'schema' ;
IDENT          : [A-Za-z_] [A-Za-z0-9_]* ;

ELLIPSIS       : '...' ;
DOTDOT         : '..' ;
DOT            : '.' ;
AT_GT          : '@>' ;
NOT_TILDE      : '!~' ;
EQEQEQ         : '===' ;
NEQEQ          : '!==' ;
EQEQ           : '==' ;
NEQ            : '!=' ;
LE             : '<=' ;
GE             : '>=' ;
ANDAND         : '&&' ;
OROR           : '||' ;
NULLISH        : '??' ;
ELVIS          : '?:' ;
LT             : '<' ;
GT             : '>' ;
EQ             : '=' ;
PLUS           : '+' ;
MINUS          : '-' ;
STAR           : '*' ;
SLASH          : '/' ;
PERCENT        : '%' ;
TILDE          : '~' ;
BANG           : '!' ;
QUESTION       : '?' ;
COLON          : ':' ;
PIPE           : '|' ;
COMMA          : ',' ;
LPAREN         : '(' { open('('); } ;
RPAREN         : ')' { close(); } ;
LBRACK         : '[' { open('['); } ;
RBRACK         : ']' { close(); } ;
LBRACE         : '{' { open('{'); } ;
RBRACE         : '}' { close(); } ;

NL             : '\n' { if (insideParens() || continuesOnNextLine()) skip(); } ;
COMMENT        : '//' ~[\n]* -> skip ;
WS             : [ \t\r\u000B\f\u00A0\uFEFF]+ -> skip ;
ERROR_CHAR     : . ;

mode INPUT_FILTERS;
IF_WORD        : ( '"' ( '\\' . | ~["\\] )* '"' | ~[:| \t\r\n{"] ~[:| \t\r\n"]* ) ;
IF_COLON       : ':' ;
IF_PIPE        : '|' ;
IF_END         : [ \t]+ -> skip, popMode ;
IF_NL          : '\n' { setType(NL); popMode(); if (insideParens() || continuesOnNextLine()) skip(); } ;
IF_BRACE       : '{' { setType(LBRACE); open('{'); popMode(); } ;
IF_RBRACE      : '}' { setType(RBRACE); close(); popMode(); } ;
