namespace Harmattan.Store;

/// <summary>Document texts by id, the least recently used dropped first once their length passes the capacity.</summary>
internal sealed class TextCache(long capacityChars)
{
    private readonly Dictionary<string, LinkedListNode<(string Id, string Text)>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, string Text)> _recent = new();
    private long _chars;

    public bool Contains(string id) => _byId.ContainsKey(id);

    public string Get(string id)
    {
        var node = _byId[id];
        _recent.Remove(node);
        _recent.AddFirst(node);
        return node.Value.Text;
    }

    public void Add(string id, string text)
    {
        if (_byId.ContainsKey(id) || text.Length > capacityChars)
        {
            return;
        }

        _byId[id] = _recent.AddFirst((id, text));
        _chars += text.Length;
        while (_chars > capacityChars && _recent.Last is { } oldest)
        {
            _recent.RemoveLast();
            _byId.Remove(oldest.Value.Id);
            _chars -= oldest.Value.Text.Length;
        }
    }
}
