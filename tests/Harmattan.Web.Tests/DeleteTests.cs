using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Harmattan.Server;
using Harmattan.Store;
using Harmattan.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Harmattan.Web.Tests;

/// <summary>
/// Deleting a document from the reader, on a server of its own with users: only an admin is offered it, a
/// first click only asks, and the page then says what went.
/// </summary>
public sealed class DeleteTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Only_an_admin_is_offered_delete_and_it_asks_before_deleting()
    {
        var folder = Directory.CreateTempSubdirectory("harmattan-web-delete-").FullName;
        var database = Path.Combine(folder, "kb.db");
        var secrets = new Dictionary<Role, string>();
        using (var store = KnowledgeStore.Open(database))
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                var name = KnowledgeStore.RoleName(role) + "-user";
                store.AddUser(name, role, by: null);
                secrets[role] = store.IssueToken(name, "browser", by: null).Secret;
            }
        }

        var app = HarmattanServer.Build([], s =>
        {
            s.Database = database;
            s.Data = Path.Combine(RepositoryRoot.Path, "data");
        });
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/");
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secrets[Role.Admin]);
            string id;
            using (var form = new MultipartFormDataContent())
            {
                var report = Path.Combine(RepositoryRoot.SampleReports, "2012-03-tuareg-rebellion-and-bamako-coup.txt");
                form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(report)), "files", Path.GetFileName(report));
                var upload = await client.PostAsync(new Uri("api/documents", UriKind.Relative), form);
                upload.EnsureSuccessStatusCode();
                id = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("files")[0].GetProperty("id").GetString()!;
            }

            await using var ui = await UiPage.OpenAsync(chromium, address, "delete");
            await ui.Page.GotoAsync("/");
            foreach (var role in new[] { Role.Viewer, Role.Analyst })
            {
                await ui.Page.EvaluateAsync($"localStorage.setItem('harmattan.token', '{secrets[role]}')");
                await ui.GoAsync($"#/doc/{id}");
                await Expect(ui.Page.Locator("#doc-title")).ToBeVisibleAsync();
                await Expect(ui.Page.Locator("button.delete-doc")).ToBeHiddenAsync();
            }

            await ui.Page.EvaluateAsync($"localStorage.setItem('harmattan.token', '{secrets[Role.Admin]}')");
            await ui.GoAsync($"#/doc/{id}");
            var title = await ui.TextAsync("#doc-title");

            // The first click asks; cancelling changes nothing.
            await ui.Page.Locator("button.delete-doc").ClickAsync();
            await Expect(ui.Page.Locator(".confirm-delete")).ToContainTextAsync(title);
            await Expect(ui.Page.Locator(".confirm-delete")).ToContainTextAsync("cannot be undone");
            await ui.SnapAsync("asked");
            await ui.Page.Locator(".confirm-delete button.linklike").ClickAsync();
            await Expect(ui.Page.Locator(".confirm-delete")).ToHaveCountAsync(0);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("api/documents/" + id, UriKind.Relative))).StatusCode);

            await ui.Page.Locator("button.delete-doc").ClickAsync();
            await ui.Page.Locator("button.confirm-delete-doc").ClickAsync();

            await Expect(ui.Page.Locator("#deleted h1")).ToContainTextAsync(title);
            await Expect(ui.Page.Locator("#deleted")).ToContainTextAsync("admin-user");
            await Expect(ui.Page.Locator("#deleted")).ToContainTextAsync("Entities no other document named, removed");
            await ui.SnapAsync("deleted");
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("api/documents/" + id, UriKind.Relative))).StatusCode);
            await ui.FollowAsync(ui.Page.Locator("#deleted a"), "documents");
            await Expect(ui.Page.Locator("#document-total")).ToHaveTextAsync("0");
            await ui.DoneAsync();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
