export const brand = 'shop';
