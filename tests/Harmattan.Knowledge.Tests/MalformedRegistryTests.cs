using Harmattan.Knowledge.Registries;

namespace Harmattan.Knowledge.Tests;

public sealed class MalformedRegistryTests : IDisposable
{
    private readonly string _root = TestData.ScratchDataFolder();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, "registries", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private HarmattanException Load()
    {
        var data = DataDirectory.Locate(_root);
        return Assert.Throws<HarmattanException>(() => ActorRegistry.Load(data, Schema.Load(data)));
    }

    [Fact]
    public void A_yaml_entry_without_source_names_its_line()
    {
        var file = Write("global/orgs.yaml", "- id: un\n  name: United Nations\n  type: Organization\n  source: UN Charter\n\n- id: au\n  name: African Union\n  type: Organization\n");
        var e = Load();
        Assert.Equal(HarmattanError.BadDataFile, e.Error);
        Assert.Equal(file + ":6", e.Subject);
        Assert.Contains("source", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_yaml_key_names_its_line()
    {
        var file = Write("global/orgs.yaml", "- id: un\n  name: United Nations\n  type: Organization\n  colour: blue\n  source: UN Charter\n");
        var e = Load();
        Assert.Equal(file + ":4", e.Subject);
    }

    [Fact]
    public void A_tsv_row_with_missing_cells_names_its_line()
    {
        var file = Write("global/people.tsv", "# comment\nid\ttype\tname\tsource\nfulani\tPeopleGroup\tFulani\tliterature\ndogon\tPeopleGroup\tDogon\n");
        var e = Load();
        Assert.Equal(file + ":4", e.Subject);
    }

    [Fact]
    public void A_bad_type_is_rejected()
    {
        var file = Write("global/people.tsv", "id\ttype\tname\tsource\nfulani\tEthnicGroup\tFulani\tliterature\n");
        var e = Load();
        Assert.Equal(file + ":2", e.Subject);
        Assert.Contains("PeopleGroup", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_name_both_places()
    {
        Write("global/a.tsv", "id\ttype\tname\tsource\nbozo\tPeopleGroup\tBozo\tliterature\n");
        var second = Write("sahel/b.tsv", "id\ttype\tname\tsource\nbozo\tPeopleGroup\tBozos\tliterature\n");
        var e = Load();
        Assert.Equal(second + ":2", e.Subject);
        Assert.Contains("a.tsv:2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_alias_names_both_files_and_lines_unless_declared()
    {
        var first = Write("global/orgs.yaml", "- id: cnsp-a\n  name: Committee A\n  type: Organization\n  aliases: [CNSP]\n  source: x\n");
        var second = Write("sahel/actors.yaml", "# two juntas\n- id: cnsp-b\n  name: Council B\n  type: Organization\n  aliases: [C.N.S.P.]\n  source: x\n");
        var e = Load();
        Assert.Equal(second + ":2", e.Subject);
        Assert.Contains(first + ":1", e.Message, StringComparison.Ordinal);

        Write("sahel/actors.yaml", "- id: cnsp-b\n  name: Council B\n  type: Organization\n  aliases: [C.N.S.P.]\n  ambiguous_with: [cnsp-a]\n  source: x\n");
        var data = DataDirectory.Locate(_root);
        var registry = ActorRegistry.Load(data, Schema.Load(data));
        Assert.Equal(2, registry.EntriesNamed("CNSP").Count);
    }

    [Fact]
    public void A_needless_ambiguity_declaration_is_rejected()
    {
        var file = Write("global/orgs.yaml", "- id: a\n  name: Alpha\n  type: Organization\n  source: x\n- id: b\n  name: Beta\n  type: Organization\n  ambiguous_with: [a]\n  source: x\n");
        var e = Load();
        Assert.Equal(file + ":8", e.Subject);
    }

    [Fact]
    public void A_relation_outside_its_range_is_rejected()
    {
        var file = Write("global/orgs.yaml", "- id: a\n  name: Alpha\n  type: Organization\n  source: x\n- id: b\n  name: Beta\n  type: Organization\n  relations:\n    leads: [a]\n  source: x\n");
        var e = Load();
        Assert.Equal(file + ":9", e.Subject);
        Assert.Contains("range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_yaml_names_its_line()
    {
        var file = Write("global/orgs.yaml", "- id: a\n  name: [unclosed\n  type: Organization\n");
        var e = Load();
        Assert.StartsWith(file + ":", e.Subject, StringComparison.Ordinal);
    }
}
