using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Berth.Verification.Images;

/// <summary>
/// A layer tar rebuilt from Docker's tar-split record (<c>tar-split.json.gz</c>, JSON lines: <c>{"type":2,"payload":base64}</c> for the
/// raw bytes between file contents — headers, long-name and PAX records, padding — and <c>{"type":1,"size":N}</c> for a file's contents):
/// every segment as it was, every file's contents as N zero bytes. A tar reader lists from it exactly the entries of the real layer tar,
/// in the same order, without the contents ever being read.
/// </summary>
internal sealed class TarSplitStream(Stream jsonLines) : ForwardReadStream
{
    private byte[] _lines = new byte[64 * 1024];
    private int _lineStart;
    private int _lineEnd;
    private bool _sourceEnded;
    private byte[] _segment = new byte[4096];
    private int _segmentLength;
    private int _segmentOffset;
    private long _zeros;
    private bool _ended;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
            return 0;
        while (true)
        {
            if (_segmentOffset < _segmentLength)
            {
                var n = Math.Min(buffer.Length, _segmentLength - _segmentOffset);
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

    /// <summary>Reads the next JSON line as UTF-8 (no strings: a layer's record is megabytes of base64 headers).</summary>
    private void NextRecord()
    {
        if (!TryNextLine(out var line))
        {
            _ended = true;
            return;
        }
        if (line.IsEmpty)
            return;
        var reader = new Utf8JsonReader(line);
        int? type = null;
        long size = 0;
        var payload = false;
        _segmentLength = 0;
        _segmentOffset = 0;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new InvalidDataException("tar-split record is not a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("type"u8) && reader.TokenType == JsonTokenType.Number)
                type = reader.GetInt32();
            else if (name.SequenceEqual("size"u8) && reader.TokenType == JsonTokenType.Number)
                size = reader.GetInt64();
            else if (name.SequenceEqual("payload"u8) && reader.TokenType == JsonTokenType.String)
                payload = DecodePayload(ref reader);
            else
                reader.Skip();
        }
        switch (type)
        {
            case 1:
                _zeros = Math.Max(0, size);
                _segmentLength = 0;
                break;
            case 2 when payload:
                break;
            case 2:
                _segmentLength = 0;
                break;
            default:
                throw new InvalidDataException($"tar-split record of unknown type {type?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}");
        }
    }

    /// <summary>The base64 payload into the reused segment buffer. (A file record's payload is a checksum; a later type 1 drops it.)</summary>
    private bool DecodePayload(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            var bytes = reader.GetBytesFromBase64();
            Ensure(bytes.Length);
            bytes.CopyTo(_segment, 0);
            _segmentLength = bytes.Length;
            return true;
        }
        var text = reader.ValueSpan;
        Ensure(Base64.GetMaxDecodedFromUtf8Length(text.Length));
        if (Base64.DecodeFromUtf8(text, _segment, out _, out var written) != OperationStatus.Done)
            throw new InvalidDataException("tar-split record has a payload that is not base64");
        _segmentLength = written;
        return true;
    }

    private void Ensure(int length)
    {
        if (_segment.Length < length)
            _segment = new byte[Math.Max(length, _segment.Length * 2)];
    }

    private bool TryNextLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _lines.AsSpan(_lineStart, _lineEnd - _lineStart).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = _lines.AsSpan(_lineStart, newline);
                _lineStart += newline + 1;
                return true;
            }
            if (_sourceEnded)
            {
                line = _lines.AsSpan(_lineStart, _lineEnd - _lineStart);
                _lineStart = _lineEnd;
                return !line.IsEmpty;
            }
            // Keep the partial line at the start of the buffer (growing it for a line longer than the buffer), then read more.
            var pending = _lineEnd - _lineStart;
            if (pending == _lines.Length)
                Array.Resize(ref _lines, _lines.Length * 2);
            else if (_lineStart > 0)
                _lines.AsSpan(_lineStart, pending).CopyTo(_lines);
            _lineStart = 0;
            _lineEnd = pending;
            var read = jsonLines.Read(_lines, _lineEnd, _lines.Length - _lineEnd);
            if (read == 0)
                _sourceEnded = true;
            _lineEnd += read;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            jsonLines.Dispose();
        base.Dispose(disposing);
    }
}
