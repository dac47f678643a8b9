using System.Globalization;
using System.Text;
using System.Xml;
using Harmattan.Store;

namespace Harmattan.Exchange.GraphMl;

/// <summary>
/// The actor network as GraphML (Gephi, yEd, networkx, igraph): a node per entity that takes part in a
/// relation, an edge per (relation type, source, target) with how many documents state it. Every attribute
/// is declared with a typed <c>&lt;key&gt;</c>. The graph is directed; an undirected relation type
/// (cooperates_with, opposes) is one edge, its ends in id order, with the boolean <c>undirected</c> set:
/// GraphML allows <c>directed="false"</c> on an edge of a directed graph, but networkx refuses such a
/// mixed graph, and a tool that must read it matters more than the finer markup.
/// </summary>
public sealed class GraphMlExporter(ExchangeContext context)
{
    private const string Ns = "http://graphml.graphdrawing.org/xmlns";

    /// <summary>The node and edge attributes: id, what they describe, GraphML type.</summary>
    internal static readonly IReadOnlyList<(string Id, string For, string Type)> Keys =
    [
        ("label", "node", "string"),
        ("type", "node", "string"),
        ("registry_id", "node", "string"),
        ("aliases", "node", "string"),
        ("documents", "node", "int"),
        ("relation", "edge", "string"),
        ("undirected", "edge", "boolean"),
        ("label", "edge", "string"),
        ("role", "edge", "string"),
        ("weight", "edge", "double"),
        ("confidence", "edge", "double"),
        ("documents", "edge", "string"),
        ("titles", "edge", "string"),
        ("evidence", "edge", "string"),
        ("component", "edge", "string"),
    ];

    public void Write(ExportSelection selection, Stream output)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var edges = Edges(selection);
        var nodes = edges.SelectMany(e => new[] { e.SourceId, e.TargetId }).Distinct(StringComparer.Ordinal)
            .Select(id => selection.EntityById[id])
            .OrderBy(n => n.Name, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Ns);
        foreach (var (id, target, type) in Keys)
        {
            xml.WriteStartElement("key", Ns);
            xml.WriteAttributeString("id", KeyId(target, id));
            xml.WriteAttributeString("for", target);
            xml.WriteAttributeString("attr.name", id);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("graph", Ns);
        xml.WriteAttributeString("id", "harmattan");
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var node in nodes)
        {
            xml.WriteStartElement("node", Ns);
            xml.WriteAttributeString("id", node.Id);
            Data(xml, "node", "label", node.Name);
            Data(xml, "node", "type", node.Type.ToString());
            Data(xml, "node", "registry_id", node.RegistryId);
            Data(xml, "node", "aliases", string.Join("; ", node.Aliases.Where(a => a != node.Name)));
            Data(xml, "node", "documents", node.From.Select(p => p.DocumentId).Where(selection.DocumentById.ContainsKey).Distinct(StringComparer.Ordinal).Count().ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }

        var n = 0;
        foreach (var edge in edges)
        {
            xml.WriteStartElement("edge", Ns);
            xml.WriteAttributeString("id", "e" + (n++).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", edge.SourceId);
            xml.WriteAttributeString("target", edge.TargetId);
            Data(xml, "edge", "relation", edge.Type);
            Data(xml, "edge", "undirected", edge.Directed ? "false" : "true");
            Data(xml, "edge", "label", edge.Label);
            Data(xml, "edge", "role", edge.Role);
            Data(xml, "edge", "weight", edge.Facts.Select(f => f.From.DocumentId).Distinct(StringComparer.Ordinal).Count().ToString(CultureInfo.InvariantCulture));
            Data(xml, "edge", "confidence", edge.Facts.Max(f => f.From.Confidence).ToString("0.####", CultureInfo.InvariantCulture));
            Data(xml, "edge", "documents", string.Join("; ", edge.Facts.Select(f => f.From.DocumentId).Distinct(StringComparer.Ordinal)));
            Data(xml, "edge", "titles", string.Join("; ", edge.Facts.Select(f => f.From.Title).Distinct(StringComparer.Ordinal)));
            Data(xml, "edge", "evidence", string.Join(" | ", edge.Facts.Select(f => f.From.Evidence).Distinct(StringComparer.Ordinal)));
            Data(xml, "edge", "component", string.Join("; ", edge.Facts.Select(f => f.From.Component).Distinct(StringComparer.Ordinal)));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    internal static string KeyId(string target, string name) => (target == "node" ? "n_" : "e_") + name;

    /// <summary>
    /// Relations grouped into edges: one per type and ordered pair; an undirected type's pair is put in
    /// id order, so "A cooperates with B" and "B cooperates with A" are one edge.
    /// </summary>
    internal List<NetworkEdge> Edges(ExportSelection selection)
    {
        var edges = new Dictionary<(string, string, string), NetworkEdge>();
        foreach (var relation in selection.Relations)
        {
            var schema = context.Schema.TryGetRelation(relation.Type, out var s) ? s : null;
            var directed = schema?.Directed ?? true;
            var (source, target) = (relation.SourceId, relation.TargetId);
            if (!directed && string.CompareOrdinal(source, target) > 0)
            {
                (source, target) = (target, source);
            }

            var key = (relation.Type, source, target);
            if (!edges.TryGetValue(key, out var edge))
            {
                edges[key] = edge = new NetworkEdge(relation.Type, schema?.Label ?? relation.Type, source, target, directed, []);
            }

            edge.Facts.Add(relation);
        }

        return edges.Values.ToList();
    }

    private static void Data(XmlWriter xml, string target, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        xml.WriteStartElement("data", Ns);
        xml.WriteAttributeString("key", KeyId(target, key));
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}

/// <summary>One edge of the exported network and the stored relations (one per document) behind it.</summary>
internal sealed record NetworkEdge(string Type, string Label, string SourceId, string TargetId, bool Directed, List<KnowledgeRelation> Facts)
{
    public string? Role => Facts.Select(f => f.Role).FirstOrDefault(r => r is not null);
}
