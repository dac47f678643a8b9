using System.Buffers.Binary;

namespace Harmattan.Exchange.Stix;

/// <summary>A STIX id (<c>type--uuid</c>) held as its type's number and its UUID: 24 bytes instead of a string of about 120.</summary>
internal readonly record struct HeldStixId(int Type, ulong High, ulong Low);

/// <summary>
/// The STIX ids a bundle must keep until its end (its own id is a digest of every object's id, and each report lists
/// the objects of its document), held compactly: a bundle of 20,000 reports has about three million objects.
/// </summary>
internal sealed class HeldStixIds
{
    private readonly List<string> _types = [];
    private readonly Dictionary<string, int> _typeNumbers = new(StringComparer.Ordinal);
    private int[] _typeOrder = [];

    public HeldStixId Hold(string id)
    {
        var separator = id.IndexOf("--", StringComparison.Ordinal);
        var type = id[..separator];
        if (!_typeNumbers.TryGetValue(type, out var number))
        {
            _typeNumbers[type] = number = _types.Count;
            _types.Add(type);
        }

        Span<byte> bytes = stackalloc byte[16];
        Guid.ParseExact(id.AsSpan(separator + 2), "D").TryWriteBytes(bytes, bigEndian: true, out _);
        return new HeldStixId(number, BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    public string Text(HeldStixId id)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, id.High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], id.Low);
        return _types[id.Type] + "--" + new Guid(bytes, bigEndian: true).ToString("D");
    }

    /// <summary>
    /// The order of the ids' texts (ordinal): by type, then by UUID, whose lower-case hexadecimal digits, in fixed
    /// places, sort as the number they spell. No type holds "--", so no type's prefix is another's.
    /// </summary>
    public int Compare(HeldStixId a, HeldStixId b)
    {
        var byType = a.Type == b.Type ? 0 : TypeOrder()[a.Type].CompareTo(TypeOrder()[b.Type]);
        return byType != 0 ? byType : a.High != b.High ? a.High.CompareTo(b.High) : a.Low.CompareTo(b.Low);
    }

    /// <summary>Each type number's place among the types' <c>type--</c> prefixes in ordinal order, made again only when a type was added.</summary>
    private int[] TypeOrder()
    {
        if (_typeOrder.Length != _types.Count)
        {
            var sorted = Enumerable.Range(0, _types.Count).OrderBy(t => _types[t] + "--", StringComparer.Ordinal).ToList();
            _typeOrder = new int[_types.Count];
            for (var place = 0; place < sorted.Count; place++)
            {
                _typeOrder[sorted[place]] = place;
            }
        }

        return _typeOrder;
    }
}
