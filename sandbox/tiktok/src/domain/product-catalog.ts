/**
 * The simulator's product catalog rules (issue #20): a category tree with leaf flags, each leaf's
 * attributes (sales attributes such as Color and Size; product attributes, some required, some with
 * a value list), its rules (package dimensions or certifications required), the brands (some
 * authorized only for some sellers) and Recommend Category by keywords. Fixed data, no random draws
 * (so adding it does not shift the seeded sequence); the ids are listed in sandbox/tiktok/README.md.
 * TikTok's Get Categories, Get Attributes, Get Category Rules, Get Brands and Recommend Category pages
 * give the shapes.
 */

export interface CatalogCategory {
  id: string;
  parentId: string;
  name: string;
  isLeaf: boolean;
  /** Words Recommend Category matches in a title or description (leaf categories only). */
  keywords: string[];
}

export interface CatalogAttributeValue {
  id: string;
  name: string;
}

export interface CatalogAttribute {
  id: string;
  name: string;
  type: 'SALES_PROPERTY' | 'PRODUCT_PROPERTY';
  required: boolean;
  /** Free-text values accepted besides the list (a `name` without `id`). */
  customizable: boolean;
  multipleSelection: boolean;
  values: CatalogAttributeValue[];
}

export interface CatalogRules {
  packageDimensionsRequired: boolean;
  certifications: { id: string; name: string; required: boolean }[];
  sizeChartRequired: boolean;
}

export interface CatalogBrand {
  id: string;
  name: string;
  /** A T1 (protected) brand: only sellers it is authorized for may list it. */
  protected: boolean;
}

const COLOR: CatalogAttribute = {
  id: '100000',
  name: 'Color',
  type: 'SALES_PROPERTY',
  required: false,
  customizable: true,
  multipleSelection: false,
  values: [
    { id: '1000001', name: 'Black' },
    { id: '1000002', name: 'White' },
    { id: '1000003', name: 'Red' },
    { id: '1000004', name: 'Blue' },
    { id: '1000005', name: 'Green' },
  ],
};
const SIZE: CatalogAttribute = {
  id: '100007',
  name: 'Size',
  type: 'SALES_PROPERTY',
  required: false,
  customizable: true,
  multipleSelection: false,
  values: ['XS', 'S', 'M', 'L', 'XL', 'XXL'].map((name, i) => ({ id: `100700${i + 1}`, name })),
};
const STYLE: CatalogAttribute = {
  id: '100011',
  name: 'Style',
  type: 'SALES_PROPERTY',
  required: false,
  customizable: true,
  multipleSelection: false,
  values: [],
};
const MATERIAL: CatalogAttribute = {
  id: '101001',
  name: 'Material',
  type: 'PRODUCT_PROPERTY',
  required: true,
  customizable: false,
  multipleSelection: true,
  values: [
    { id: '1010011', name: 'Cotton' },
    { id: '1010012', name: 'Polyester' },
    { id: '1010013', name: 'Wool' },
    { id: '1010014', name: 'Ceramic' },
    { id: '1010015', name: 'Stainless Steel' },
    { id: '1010016', name: 'Silicone' },
  ],
};
const PATTERN: CatalogAttribute = {
  id: '101002',
  name: 'Pattern',
  type: 'PRODUCT_PROPERTY',
  required: false,
  customizable: true,
  multipleSelection: false,
  values: [
    { id: '1010021', name: 'Solid' },
    { id: '1010022', name: 'Striped' },
  ],
};
const CAPACITY: CatalogAttribute = {
  id: '101003',
  name: 'Capacity',
  type: 'PRODUCT_PROPERTY',
  required: true,
  customizable: true,
  multipleSelection: false,
  values: [],
};
const WARNING_PROP65: CatalogAttribute = {
  id: '101610',
  name: 'CA Prop 65: Repro. Chems',
  type: 'PRODUCT_PROPERTY',
  required: true,
  customizable: false,
  multipleSelection: false,
  values: [
    { id: '1016101', name: 'Yes' },
    { id: '1016102', name: 'No' },
  ],
};
const COMPATIBLE: CatalogAttribute = {
  id: '101004',
  name: 'Compatible Phone Models',
  type: 'PRODUCT_PROPERTY',
  required: true,
  customizable: true,
  multipleSelection: true,
  values: [],
};

const NO_RULES: CatalogRules = {
  packageDimensionsRequired: false,
  certifications: [],
  sizeChartRequired: false,
};

/** The category tree (US v2 names, shortened), its leaves' attributes and rules. */
export const CATEGORIES: readonly CatalogCategory[] = [
  { id: '600001', parentId: '0', name: 'Womenswear & Underwear', isLeaf: false, keywords: [] },
  { id: '601152', parentId: '600001', name: 'Tops', isLeaf: false, keywords: [] },
  {
    id: '601226',
    parentId: '601152',
    name: 'T-shirts',
    isLeaf: true,
    keywords: ['t-shirt', 'tee', 'shirt', 'top'],
  },
  {
    id: '601302',
    parentId: '601152',
    name: 'Hoodies & Sweatshirts',
    isLeaf: true,
    keywords: ['hoodie', 'sweatshirt', 'jumper', 'sweater'],
  },
  { id: '605000', parentId: '0', name: 'Home Supplies', isLeaf: false, keywords: [] },
  {
    id: '605248',
    parentId: '605000',
    name: 'Mugs',
    isLeaf: true,
    keywords: ['mug', 'cup', 'tumbler', 'bottle'],
  },
  {
    id: '605255',
    parentId: '605000',
    name: 'Beanies & Hats',
    isLeaf: true,
    keywords: ['beanie', 'hat', 'cap'],
  },
  { id: '700000', parentId: '0', name: 'Phones & Electronics', isLeaf: false, keywords: [] },
  {
    id: '700437',
    parentId: '700000',
    name: 'Phone Cases',
    isLeaf: true,
    keywords: ['case', 'phone', 'cover'],
  },
  {
    id: '700520',
    parentId: '700000',
    name: 'Chargers',
    isLeaf: true,
    keywords: ['charger', 'cable', 'adapter', 'power'],
  },
];

const ATTRIBUTES: Readonly<Record<string, readonly CatalogAttribute[]>> = {
  '601226': [COLOR, SIZE, STYLE, MATERIAL, PATTERN],
  '601302': [COLOR, SIZE, STYLE, MATERIAL, PATTERN],
  '605248': [COLOR, STYLE, MATERIAL, CAPACITY, WARNING_PROP65],
  '605255': [COLOR, SIZE, MATERIAL],
  '700437': [COLOR, STYLE, COMPATIBLE, MATERIAL],
  '700520': [COLOR, STYLE, WARNING_PROP65],
};

const RULES: Readonly<Record<string, CatalogRules>> = {
  '605248': { ...NO_RULES, packageDimensionsRequired: true },
  '700520': {
    packageDimensionsRequired: true,
    certifications: [{ id: '7001', name: 'FCC certificate', required: true }],
    sizeChartRequired: false,
  },
};

export const BRANDS: readonly CatalogBrand[] = [
  { id: '7082427311584347905', name: 'Acme Outfitters', protected: false },
  { id: '7082427311584347906', name: 'Northwind', protected: false },
  { id: '7082427311584347907', name: 'Contoso', protected: false },
  /** A protected brand no seeded seller is authorized for (Create Product answers 12052217). */
  { id: '7082427311584347908', name: 'Fabrikam Originals', protected: true },
];

export function categoryById(id: string): CatalogCategory | undefined {
  return CATEGORIES.find((c) => c.id === id);
}

export function attributesOf(categoryId: string): readonly CatalogAttribute[] {
  return ATTRIBUTES[categoryId] ?? [];
}

export function rulesOf(categoryId: string): CatalogRules {
  return RULES[categoryId] ?? NO_RULES;
}

/** The chain from the root to a category (Get Product `category_chains`). */
export function categoryChain(categoryId: string): CatalogCategory[] {
  const chain: CatalogCategory[] = [];
  let current = categoryById(categoryId);
  while (current) {
    chain.unshift(current);
    current = current.parentId === '0' ? undefined : categoryById(current.parentId);
  }
  return chain;
}

/** Recommend Category: the leaf whose keywords appear most often in the text (ties: first listed), or null. */
export function recommendCategory(text: string): CatalogCategory | null {
  const words = text.toLowerCase();
  let best: CatalogCategory | null = null;
  let bestScore = 0;
  for (const category of CATEGORIES) {
    if (!category.isLeaf) continue;
    const score = category.keywords.filter((k) => words.includes(k)).length;
    if (score > bestScore) {
      best = category;
      bestScore = score;
    }
  }
  return best;
}
