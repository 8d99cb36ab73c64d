using System.Text;
using System.Text.Json;

namespace Berth.Verification.Images;

/// <summary>
/// A layer tar rebuilt from Docker's tar-split record (<c>tar-split.json.gz</c>, JSON lines: <c>{"type":2,"payload":base64}</c> for the
/// raw bytes between file contents — headers, long-name and PAX records, padding — and <c>{"type":1,"size":N}</c> for a file's contents):
/// every segment as it was, every file's contents as N zero bytes. A tar reader lists from it exactly the entries of the real layer tar,
/// in the same order, without the contents ever being read.
/// </summary>
internal sealed class TarSplitStream(Stream jsonLines) : Stream
{
    private readonly StreamReader _lines = new(jsonLines, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
    private byte[] _segment = [];
    private int _segmentOffset;
    private long _zeros;
    private bool _ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
            return 0;
        while (true)
        {
            if (_segmentOffset < _segment.Length)
            {
                var n = Math.Min(buffer.Length, _segment.Length - _segmentOffset);
                _segment.AsSpan(_segmentOffset, n).CopyTo(buffer);
                _segmentOffset += n;
                return n;
            }
            if (_zeros > 0)
            {
                var n = (int)Math.Min(buffer.Length, _zeros);
                buffer[..n].Clear();
                _zeros -= n;
                return n;
            }
            if (_ended)
                return 0;
            NextRecord();
        }
    }

    /// <summary>Reads synchronously: the records come from a local file, and the caller already runs beside the container checks.</summary>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void NextRecord()
    {
        var line = _lines.ReadLine();
        if (line is null)
        {
            _ended = true;
            return;
        }
        if (line.Length == 0)
            return;
        using var record = JsonDocument.Parse(line);
        var root = record.RootElement;
        var type = root.TryGetProperty("type", out var typeValue) && typeValue.TryGetInt32(out var number) ? number : 0;
        switch (type)
        {
            case 1:
                _zeros = root.TryGetProperty("size", out var size) && size.TryGetInt64(out var bytes) && bytes >= 0 ? bytes : 0;
                break;
            case 2:
                _segment = root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.String ? payload.GetBytesFromBase64() : [];
                _segmentOffset = 0;
                break;
            default:
                throw new InvalidDataException($"tar-split record of unknown type {type}");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _lines.Dispose();
        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
