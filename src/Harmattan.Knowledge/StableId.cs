using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Harmattan.Knowledge;

/// <summary>
/// Identity from key fields, never from row numbers (OpenCTI's idGen): the same key fields give the
/// same id in every run, on every machine, so re-ingesting a document is a no-op by construction.
/// </summary>
public static class StableId
{
    /// <summary>The full SHA-256 of a text in lower-case hex; a document's id is this of its normalised text.</summary>
    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// <c>prefix_</c> plus 20 hex digits of the SHA-256 of the key fields joined with U+001F, which no
    /// key field contains. 80 bits keep collisions out of reach at a billion facts.
    /// </summary>
    public static string For(string prefix, params ReadOnlySpan<string> keyFields)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        // The UTF-8 of the joined fields, hashed without building the joined string (many ids per document).
        var length = Math.Max(0, keyFields.Length - 1);
        foreach (var field in keyFields)
        {
            length += Encoding.UTF8.GetByteCount(field);
        }

        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var bytes = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        var written = 0;
        for (var i = 0; i < keyFields.Length; i++)
        {
            if (i > 0)
            {
                bytes[written++] = 0x1F;
            }

            written += Encoding.UTF8.GetBytes(keyFields[i], bytes[written..]);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..written], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        Span<char> hex = stackalloc char[20];
        Convert.TryToHexStringLower(hash[..10], hex, out _);
        return string.Concat(prefix, "_", hex);
    }
}
