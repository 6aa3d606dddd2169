import { brandSchema, productSchema, type Brand, type Product } from '../../lib/content/schemas';
import type { ProductSlug } from '../../lib/catalog';
import { parseYamlFiles } from './yaml-files';

// Bundled at build time (and by Vitest), so the server never reads content/ from disk at run time.
const productFiles = import.meta.glob<string>('/content/products/*.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const brandFiles = import.meta.glob<string>('/content/brand/brand.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});

const products: Product[] = parseYamlFiles(productFiles, productSchema).sort(
  (a, b) => a.order - b.order,
);
const brand: Brand | undefined = parseYamlFiles(brandFiles, brandSchema)[0];

/** The product catalogue, in display order. */
export function listProducts(): Product[] {
  return products;
}

export function findProduct(slug: string): Product | undefined {
  return products.find((p) => p.slug === slug);
}

export function productName(slug: ProductSlug | string): string {
  return findProduct(slug)?.name ?? slug;
}

export function getBrand(): Brand {
  if (!brand) throw new Error('content/brand/brand.yaml is missing');
  return brand;
}
