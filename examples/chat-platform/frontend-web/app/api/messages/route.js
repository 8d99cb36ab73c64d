// Server-side call to the backend: BACKEND_URL is read when the request comes in, so the container's environment decides it.
export const dynamic = 'force-dynamic';

export async function GET() {
  const backend = process.env.BACKEND_URL || 'http://localhost:8000';
  const answer = await fetch(`${backend}/api/messages`, { cache: 'no-store' });
  return Response.json({ backend, status: answer.status, answer: await answer.json() });
}
