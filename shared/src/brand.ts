declare const brand: unique symbol;

/** A value of type T that has been checked to be a B; only a parser may make one. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };
