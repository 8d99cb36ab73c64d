export default function Page() { return <p>{process.env.NEXT_PUBLIC_SHOP_NAME}</p>; }
