// XanoScript: the language of Xano run jobs, functions and the other top-level constructs.
//
// The grammar is deliberately generic about statements: a statement is a dotted name, an optional
// target, an optional `if (...)` condition, an optional block and an optional `as $var`. A block holds
// attributes (`name = expr`), nested statements and clauses (`if (...) { ... }`, `each as $x { ... }`,
// `try { ... }`). Which names, attributes and clauses are allowed where is checked against the
// statement catalogue when the syntax tree is built, which gives better messages than the parser could.
//
// Newlines separate statements, attributes and entries, but are ignored inside ( ) and before a line
// that continues a filter chain with `|`; the lexer takes care of both (see the NL rule).
parser grammar XanoScriptParser;

options { tokenVocab = XanoScriptLexer; }

// ---- documents ------------------------------------------------------------------------------

document
    : sep* topLevel sep* EOF
    ;

topLevel
    : kind=dottedName docName? verbAttr? block?                          # construct
    ;

docName
    : STRING
    | SQ_STRING
    | slashName
    ;

// A bare name (a function or table name, a slash path): no keyword, so `as` and `if` after a
// statement's name stay keywords.
slashName
    : IDENT (SLASH IDENT)*
    ;

verbAttr
    : word EQ word
    ;

// ---- blocks and statements ----------------------------------------------------------------

block
    : LBRACE sep* (item itemSep*)* RBRACE
    ;

sep
    : NL
    | COMMA
    ;

itemSep
    : NL
    | COMMA
    ;

item
    : inputBlock                                                         # inputItem
    | word EQ sep* expr                                                  # attribute
    | statement                                                          # statementItem
    ;

// `$stream.send { ... }`: a method of the value a statement gave (the stream of `api.stream ... as $stream`).
statement
    : BANG? (receiver=VARIABLE DOT)? name=dottedName target? verbAttr? asClause? condition? block? asClause?
    ;

asClause
    : AS varRef
    ;

target
    : varRef                                                             # varTarget
    | LPAREN expr RPAREN                                                 # exprTarget
    | STRING                                                             # stringTarget
    | SQ_STRING                                                          # stringTarget
    | slashName                                                          # nameTarget
    ;

condition
    : IF LPAREN expr RPAREN
    ;

dottedName
    : word (DOT word)*
    ;

varRef
    : VARIABLE accessor*
    ;

// ---- input declarations ---------------------------------------------------------------------

inputBlock
    : kind=(INPUT | SCHEMA) LBRACE sep* (inputDecl sep*)* RBRACE
    ;

inputDecl
    : type=word metaBlock
    | type=word arraySpec? nullable=QUESTION? name=word optional=QUESTION? (EQ inputDefault)? inputFilters? metaBlock?
    ;

arraySpec
    : LBRACK RBRACK
    | LBRACK min=NUMBER COLON max=NUMBER? RBRACK
    | LBRACK COLON max=NUMBER RBRACK
    ;

inputDefault
    : MINUS? NUMBER
    | STRING
    | SQ_STRING
    | TRIPLE_STRING
    | LBRACK sep* RBRACK
    | LBRACE sep* RBRACE
    | word
    ;

inputFilters
    : FILTERS_ASSIGN inputFilter (IF_PIPE inputFilter)*
    ;

inputFilter
    : IF_WORD (IF_COLON IF_WORD?)*
    ;

metaBlock
    : LBRACE sep* (metaItem itemSep*)* RBRACE
    ;

metaItem
    : inputBlock
    | word EQ sep* expr
    ;

// ---- expressions ----------------------------------------------------------------------------
// Highest binding first. A filter chain binds to the operand on its left; a filter argument extends
// greedily over binary operators up to `:`, `|`, `,`, a closing bracket or the end of the line.
// The word operators of database queries (`in`, `not in`, `contains`, `includes`, `overlaps`, `like`,
// `ilike`, `between a:b`, each optionally negated by `not` and made null-safe by `?`) and the symbols
// `@>` and `!~` parse everywhere; the syntax tree builder checks the word and that it stands in a
// database statement, which gives better messages than the parser could.

expr
    : postfix                                                            # postfixExpr
    | op=(BANG | MINUS | PLUS) expr                                      # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) NL* expr                         # mulExpr
    | expr op=(PLUS | MINUS) NL* expr                                   # addExpr
    | expr op=TILDE NL* expr                                            # concatExpr
    | expr op=DOTDOT expr                                                # rangeExpr
    | expr op=(LT | LE | GT | GE) QUESTION? NL* expr                    # relExpr
    | expr op=(EQEQ | NEQ | EQEQEQ | NEQEQ) QUESTION? NL* expr          # eqExpr
    | expr neg=IDENT? op=IDENT NL* low=argPostfix COLON high=argPostfix  # wordRangeExpr
    | expr neg=IDENT? op=IDENT QUESTION? NL* expr                        # wordOpExpr
    | expr op=(AT_GT | NOT_TILDE) QUESTION? NL* expr                    # dbSymbolExpr
    | expr op=ANDAND NL* expr                                           # andExpr
    | expr op=OROR NL* expr                                             # orExpr
    | <assoc=right> expr op=NULLISH NL* expr                            # nullishExpr
    | <assoc=right> expr (op=QUESTION NL* expr NL* COLON | op=ELVIS) NL* expr # conditionalExpr
    ;

// A filter argument: the same ladder without the ternary (its ':' ends the argument) and without
// filter chains at its top level (a '|' starts the next filter of the same chain).
argExpr
    : argPostfix                                                         # argPostfixExpr
    | op=(BANG | MINUS | PLUS) argExpr                                   # argUnaryExpr
    | argExpr op=(STAR | SLASH | PERCENT) argExpr                        # argMulExpr
    | argExpr op=(PLUS | MINUS) argExpr                                  # argAddExpr
    | argExpr op=TILDE argExpr                                           # argConcatExpr
    | argExpr op=DOTDOT argExpr                                          # argRangeExpr
    | argExpr op=(LT | LE | GT | GE) QUESTION? argExpr                   # argRelExpr
    | argExpr op=(EQEQ | NEQ | EQEQEQ | NEQEQ) QUESTION? argExpr         # argEqExpr
    | argExpr op=ANDAND argExpr                                          # argAndExpr
    | argExpr op=OROR argExpr                                            # argOrExpr
    | <assoc=right> argExpr op=NULLISH argExpr                           # argNullishExpr
    | <assoc=right> argExpr op=ELVIS argExpr                             # argElvisExpr
    ;

postfix
    : primary accessor* filter*
    | filter+
    ;

argPostfix
    : primary accessor*
    ;

filter
    : PIPE disabled=BANG? name=word (COLON argExpr?)*
    ;

accessor
    : DOT word                                                           # fieldAccess
    | DOT NUMBER                                                         # numberAccess
    | DOT STRING                                                         # quotedAccess
    | DOT SQ_STRING                                                      # quotedAccess
    | DOT VARIABLE                                                       # dynamicAccess
    | LBRACK expr RBRACK                                                 # indexAccess
    ;

primary
    : MINUS? NUMBER                                                      # numberLiteral
    | STRING                                                             # stringLiteral
    | SQ_STRING                                                          # stringLiteral
    | TRIPLE_STRING                                                      # tripleStringLiteral
    | TIMESTAMP                                                          # timestampLiteral
    | BACKTICK                                                           # backtickExpr
    | VARIABLE                                                           # variable
    | DOLLAR2                                                            # elementRef
    | LPAREN expr RPAREN                                                 # parenExpr
    | LBRACK sep* (arrayElement (sep+ arrayElement)*)? sep* RBRACK       # arrayLiteral
    | LBRACE sep* (objectEntry (sep+ objectEntry)*)? sep* RBRACE         # objectLiteral
    | BANG word (STRING | SQ_STRING | TRIPLE_STRING | LBRACE sep* (objectEntry (sep+ objectEntry)*)? sep* RBRACE | LBRACK sep* (arrayElement (sep+ arrayElement)*)? sep* RBRACK) # typedConstant
    | callee=word (DOT word)* LPAREN (expr (COMMA expr)*)? RPAREN        # callExpr
    | word                                                               # bareWord
    ;

arrayElement
    : ELLIPSIS expr                                                      # spreadElement
    | expr                                                               # plainElement
    ;

// `output { text reasoning? ... }` in an agent's `llm = {...}`: the schema of its structured output.
objectEntry
    : ELLIPSIS expr                                                      # spreadEntry
    | key=objectKey COLON sep? expr                                      # keyValueEntry
    | key=objectKey LBRACE sep* (inputDecl sep*)* RBRACE                 # schemaEntry
    ;

objectKey
    : word (DOT word)*
    | STRING
    | SQ_STRING
    | MINUS? NUMBER
    | VARIABLE accessor*
    ;

// Words that are keywords in one place are ordinary names everywhere else.
word
    : IDENT
    | AS
    | IF
    | INPUT
    | SCHEMA
    ;

