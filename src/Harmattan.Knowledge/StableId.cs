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
        var joined = string.Join('\u001F', keyFields.ToArray());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(joined));
        return prefix + "_" + Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }
}
