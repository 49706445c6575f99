import { Link } from 'react-router';

/** Every item key shown links to its item page. */
export function ItemLink({ itemKey }: { itemKey: string }) {
  return (
    <Link className="item-link" to={`/items/${encodeURIComponent(itemKey)}`}>
      {itemKey}
    </Link>
  );
}
