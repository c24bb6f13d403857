using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Majordomo.Bench.Load;

/// <summary>One timed exchange: stopwatch timestamps and what the body contained.</summary>
internal readonly record struct ExchangeResult(
    int Status,
    long StartTimestamp,
    long FirstDataTimestamp,
    long LastDataTimestamp,
    long EndTimestamp,
    int DataEvents,
    int DataArrivals,
    bool SawDone,
    string? ErrorSnippet);

/// <summary>
/// A minimal blocking HTTP/1.1 client on one keep-alive socket, for sequential latency runs.
/// Blocking I/O on one thread keeps the client's own cost small and steady, so differences between
/// targets are the targets'. Decodes Content-Length and chunked bodies; in SSE mode it notes when
/// the first byte of the first <c>data:</c> line arrived (the time the socket read that delivered it
/// returned), how many <c>data:</c> events came, and across how many socket reads they came —
/// a proxy that coalesces chunks shows fewer arrivals than the direct run.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private const int ReceiveBufferSize = 64 * 1024;
    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private const int TimeoutMs = 10_000;

    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;
    private static ReadOnlySpan<byte> DataField => "data:"u8;
    private static ReadOnlySpan<byte> DoneEvent => "data: [DONE]"u8;

    private readonly IPEndPoint _endPoint;
    private readonly byte[] _receive = new byte[ReceiveBufferSize];
    private byte[] _body = new byte[ReceiveBufferSize];
    private Socket? _socket;
    private int _position;
    private int _length;
    private long _lastReceiveTimestamp;
    private int _receiveCount;

    // Per-exchange SSE scan state.
    private bool _sse;
    private int _bodyLength;
    private int _scanPosition;
    private int _dataEvents;
    private int _dataArrivals;
    private int _lastArrivalReceive;
    private long _firstDataTimestamp;
    private long _lastDataTimestamp;

    public RawHttpConnection(IPEndPoint endPoint)
    {
        _endPoint = endPoint;
    }

    public int Reconnects { get; private set; }

    public ExchangeResult Send(byte[] request, bool sse)
    {
        _sse = sse;
        _bodyLength = 0;
        _scanPosition = 0;
        _dataEvents = 0;
        _dataArrivals = 0;
        _lastArrivalReceive = -1;
        _firstDataTimestamp = 0;
        _lastDataTimestamp = 0;

        var start = Stopwatch.GetTimestamp();
        try
        {
            EnsureConnected();
            SendAll(request);
            var (status, contentLength, chunked, close) = ReadHeaders();
            if (chunked)
            {
                ReadChunkedBody();
            }
            else if (contentLength >= 0)
            {
                ConsumeBody(contentLength);
            }
            else
            {
                ReadBodyUntilClose();
                close = true;
            }

            var end = Stopwatch.GetTimestamp();
            if (close)
            {
                Disconnect();
            }

            var body = _body.AsSpan(0, _bodyLength);
            string? snippet = status == 200 ? null : Encoding.UTF8.GetString(body[..Math.Min(body.Length, 400)]);
            return new ExchangeResult(status, start, _firstDataTimestamp, _lastDataTimestamp, end, _dataEvents, _dataArrivals, body.IndexOf(DoneEvent) >= 0, snippet);
        }
        catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException)
        {
            Disconnect();
            return new ExchangeResult(0, start, 0, 0, Stopwatch.GetTimestamp(), 0, 0, false, ex.GetType().Name + ": " + ex.Message);
        }
    }

    public void Dispose() => Disconnect();

    private void EnsureConnected()
    {
        if (_socket is not null)
        {
            return;
        }

        var socket = new Socket(_endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = TimeoutMs,
            SendTimeout = TimeoutMs,
        };
        socket.Connect(_endPoint);
        _socket = socket;
        _position = 0;
        _length = 0;
        Reconnects++;
    }

    private void Disconnect()
    {
        _socket?.Dispose();
        _socket = null;
        _position = 0;
        _length = 0;
    }

    private void SendAll(byte[] request)
    {
        var sent = 0;
        while (sent < request.Length)
        {
            sent += _socket!.Send(request, sent, request.Length - sent, SocketFlags.None);
        }
    }

    /// <summary>Receives more bytes into the buffer; false at end of stream.</summary>
    private bool Fill()
    {
        if (_position == _length)
        {
            _position = 0;
            _length = 0;
        }
        else if (_length == _receive.Length)
        {
            if (_position == 0)
            {
                throw new InvalidDataException("response line or header too long");
            }

            Buffer.BlockCopy(_receive, _position, _receive, 0, _length - _position);
            _length -= _position;
            _position = 0;
        }

        var read = _socket!.Receive(_receive, _length, _receive.Length - _length, SocketFlags.None);
        _lastReceiveTimestamp = Stopwatch.GetTimestamp();
        _receiveCount++;
        if (read == 0)
        {
            return false;
        }

        _length += read;
        return true;
    }

    /// <summary>Returns the index (in <see cref="_receive"/>) of <paramref name="delimiter"/>, receiving as needed.</summary>
    private int FindDelimiter(ReadOnlySpan<byte> delimiter)
    {
        var searched = 0;
        while (true)
        {
            var index = _receive.AsSpan(_position + searched, _length - _position - searched).IndexOf(delimiter);
            if (index >= 0)
            {
                return _position + searched + index;
            }

            searched = Math.Max(0, _length - _position - delimiter.Length + 1);
            if (!Fill())
            {
                throw new IOException("connection closed by the server");
            }
        }
    }

    private (int Status, long ContentLength, bool Chunked, bool Close) ReadHeaders()
    {
        var end = FindDelimiter(HeaderEnd);
        var headers = _receive.AsSpan(_position, end - _position);
        _position = end + HeaderEnd.Length;

        var lineEnd = headers.IndexOf(Crlf);
        var statusLine = lineEnd >= 0 ? headers[..lineEnd] : headers;
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8)
            || !int.TryParse(statusLine.Slice(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new InvalidDataException("bad status line");
        }

        long contentLength = -1;
        var chunked = false;
        var close = statusLine[7] == (byte)'0';
        var rest = lineEnd >= 0 ? headers[(lineEnd + 2)..] : [];
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf(Crlf);
            var line = lineEnd >= 0 ? rest[..lineEnd] : rest;
            rest = lineEnd >= 0 ? rest[(lineEnd + 2)..] : [];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out contentLength) || contentLength < 0)
                {
                    throw new InvalidDataException("bad content-length");
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                chunked = ContainsIgnoreCase(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
            {
                close = ContainsIgnoreCase(value, "close"u8);
            }
        }

        return (status, contentLength, chunked, close);
    }

    private void ReadChunkedBody()
    {
        while (true)
        {
            var lineEnd = FindDelimiter(Crlf);
            var sizeText = _receive.AsSpan(_position, lineEnd - _position);
            var extension = sizeText.IndexOf((byte)';');
            if (extension >= 0)
            {
                sizeText = sizeText[..extension];
            }

            if (!int.TryParse(sizeText.Trim((byte)' '), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new InvalidDataException("bad chunk size");
            }

            _position = lineEnd + Crlf.Length;
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while (true)
                {
                    lineEnd = FindDelimiter(Crlf);
                    var empty = lineEnd == _position;
                    _position = lineEnd + Crlf.Length;
                    if (empty)
                    {
                        return;
                    }
                }
            }

            ConsumeBody(size);
            lineEnd = FindDelimiter(Crlf);
            if (lineEnd != _position)
            {
                throw new InvalidDataException("chunk not followed by CRLF");
            }

            _position = lineEnd + Crlf.Length;
        }
    }

    private void ConsumeBody(long count)
    {
        while (count > 0)
        {
            if (_position == _length && !Fill())
            {
                throw new IOException("connection closed mid-body");
            }

            var take = (int)Math.Min(count, _length - _position);
            AppendBody(_receive.AsSpan(_position, take));
            _position += take;
            count -= take;
        }
    }

    private void ReadBodyUntilClose()
    {
        while (true)
        {
            if (_position < _length)
            {
                AppendBody(_receive.AsSpan(_position, _length - _position));
                _position = _length;
            }

            if (!Fill())
            {
                return;
            }
        }
    }

    private void AppendBody(ReadOnlySpan<byte> bytes)
    {
        if (_bodyLength + bytes.Length > _body.Length)
        {
            if (_bodyLength + bytes.Length > MaxBodyBytes)
            {
                throw new InvalidDataException("response body too large");
            }

            Array.Resize(ref _body, Math.Max(_body.Length * 2, _bodyLength + bytes.Length));
        }

        bytes.CopyTo(_body.AsSpan(_bodyLength));
        _bodyLength += bytes.Length;
        if (_sse)
        {
            ScanForEvents();
        }
    }

    /// <summary>Counts new <c>data:</c> lines; they arrived with the socket read that just returned.</summary>
    private void ScanForEvents()
    {
        while (_scanPosition + DataField.Length <= _bodyLength)
        {
            var index = _body.AsSpan(_scanPosition, _bodyLength - _scanPosition).IndexOf(DataField);
            if (index < 0)
            {
                _scanPosition = _bodyLength - DataField.Length + 1;
                return;
            }

            var at = _scanPosition + index;
            _scanPosition = at + DataField.Length;
            if (at != 0 && _body[at - 1] != (byte)'\n')
            {
                continue;
            }

            _dataEvents++;
            if (_firstDataTimestamp == 0)
            {
                _firstDataTimestamp = _lastReceiveTimestamp;
            }

            _lastDataTimestamp = _lastReceiveTimestamp;
            if (_lastArrivalReceive != _receiveCount)
            {
                _lastArrivalReceive = _receiveCount;
                _dataArrivals++;
            }
        }
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        for (var i = 0; i + token.Length <= value.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(value.Slice(i, token.Length), token))
            {
                return true;
            }
        }

        return false;
    }
}
