// NEXT_PUBLIC_* values are inlined into the bundle by `next build`: they are fixed when the image is built.
const apiUrl = process.env.NEXT_PUBLIC_API_URL || 'http://localhost:8000';

export default function Home() {
  return (
    <main>
      <h1>Chat platform</h1>
      <p>Backend: {apiUrl}</p>
    </main>
  );
}
