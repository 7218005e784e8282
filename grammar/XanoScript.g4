grammar XanoScript;
document : EOF ;
WS : [ \t\r\n]+ -> skip ;
