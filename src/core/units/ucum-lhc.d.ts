// ucum-lhc ships no types; ucum.ts declares the two calls it makes.
declare module '@lhncbc/ucum-lhc';
