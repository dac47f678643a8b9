using System.Security.Cryptography;
using System.Text;
using Harmattan.Knowledge.Registries;

namespace Harmattan.Exchange.Stix;

/// <summary>
/// STIX identifiers from key fields (OpenCTI's idGen): <c>type--</c> and an RFC 9562 version 5 UUID of the
/// canonicalised key fields in Harmattan's namespace, so the same knowledge exported twice, or from two
/// machines, gives the same ids and a consumer de-duplicates them.
/// </summary>
internal static class StixIds
{
    /// <summary>Harmattan's UUID namespace; fixed forever, since every exported id depends on it.</summary>
    private static readonly Guid Namespace = new("7f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6d");

    public static string For(string type, params ReadOnlySpan<string> keyFields)
    {
        var name = new StringBuilder(type);
        foreach (var field in keyFields)
        {
            name.Append(Separator).Append(field);
        }

        return type + "--" + UuidV5(Namespace, [name.ToString()]).ToString("D");
    }

    /// <summary>
    /// <see cref="For"/> of key fields given one at a time, none held: the id of a bundle of millions of objects is
    /// a digest of all their ids.
    /// </summary>
    public static string ForAll(string type, IEnumerable<string> keyFields) =>
        type + "--" + UuidV5(Namespace, keyFields.Select(field => Separator + field).Prepend(type)).ToString("D");

    /// <summary>An entity's id: its STIX type, our entity type and its folded name, so "Ansar Dine" and "ANSAR DINE" agree.</summary>
    public static string ForEntity(string stixType, string entityType, string name) =>
        For(stixType, entityType, NameKey.Fold(name));

    private const char Separator = '\u001f';

    internal static Guid UuidV5(Guid space, string name) => UuidV5(space, [name]);

    /// <summary>The version 5 UUID of a name given in parts, which are read in order and never joined.</summary>
    internal static Guid UuidV5(Guid space, IEnumerable<string> name)
    {
        Span<byte> input = stackalloc byte[16];
        space.TryWriteBytes(input, bigEndian: true, out _);
#pragma warning disable CA5350 // RFC 9562 defines version 5 UUIDs over SHA-1; this is naming, not security.
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        sha1.AppendData(input);
        foreach (var part in name)
        {
            sha1.AppendData(Encoding.UTF8.GetBytes(part));
        }

        var hash = sha1.GetHashAndReset();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
