// GitHub's repository (components/schemas/repository and the schemas it references), generated and hand-written,
// for .ci/benchmark-decode: the payload repeats the document's own example of a repository with the `id` and
// `name` of each element changed; the hand-written types have the same properties, optionality and types.
import Foundation
import Github

struct HandUser: Decodable {
    var name: String?
    var email: String?
    var login: String
    var id: Int
    var nodeID: String
    var avatarURL: URL
    var gravatarID: String?
    var url: URL
    var htmlURL: URL
    var followersURL: URL
    var followingURL: String
    var gistsURL: String
    var starredURL: String
    var subscriptionsURL: URL
    var organizationsURL: URL
    var reposURL: URL
    var eventsURL: String
    var receivedEventsURL: URL
    var type: String
    var siteAdmin: Bool
    var starredAt: String?
    enum CodingKeys: String, CodingKey {
        case name
        case email
        case login
        case id
        case nodeID = "node_id"
        case avatarURL = "avatar_url"
        case gravatarID = "gravatar_id"
        case url
        case htmlURL = "html_url"
        case followersURL = "followers_url"
        case followingURL = "following_url"
        case gistsURL = "gists_url"
        case starredURL = "starred_url"
        case subscriptionsURL = "subscriptions_url"
        case organizationsURL = "organizations_url"
        case reposURL = "repos_url"
        case eventsURL = "events_url"
        case receivedEventsURL = "received_events_url"
        case type
        case siteAdmin = "site_admin"
        case starredAt = "starred_at"
    }
}

struct HandLicense: Decodable {
    var key: String
    var name: String
    var url: URL?
    var spdxID: String?
    var nodeID: String
    var htmlURL: URL?
    enum CodingKeys: String, CodingKey {
        case key
        case name
        case url
        case spdxID = "spdx_id"
        case nodeID = "node_id"
        case htmlURL = "html_url"
    }
}

struct HandPermissions: Decodable {
    var admin: Bool
    var pull: Bool
    var triage: Bool?
    var push: Bool
    var maintain: Bool?
    enum CodingKeys: String, CodingKey {
        case admin
        case pull
        case triage
        case push
        case maintain
    }
}

struct HandRepository: Decodable {
    var id: Int
    var nodeID: String
    var name: String
    var fullName: String
    var license: HandLicense
    var organization: HandUser?
    var forks: Int
    var permissions: HandPermissions?
    var owner: HandUser
    var `private`: Bool
    var htmlURL: URL
    var description: String?
    var fork: Bool
    var url: URL
    var archiveURL: String
    var assigneesURL: String
    var blobsURL: String
    var branchesURL: String
    var collaboratorsURL: String
    var commentsURL: String
    var commitsURL: String
    var compareURL: String
    var contentsURL: String
    var contributorsURL: URL
    var deploymentsURL: URL
    var downloadsURL: URL
    var eventsURL: URL
    var forksURL: URL
    var gitCommitsURL: String
    var gitRefsURL: String
    var gitTagsURL: String
    var gitURL: String
    var issueCommentURL: String
    var issueEventsURL: String
    var issuesURL: String
    var keysURL: String
    var labelsURL: String
    var languagesURL: URL
    var mergesURL: URL
    var milestonesURL: String
    var notificationsURL: String
    var pullsURL: String
    var releasesURL: String
    var sshURL: String
    var stargazersURL: URL
    var statusesURL: String
    var subscribersURL: URL
    var subscriptionURL: URL
    var tagsURL: URL
    var teamsURL: URL
    var treesURL: String
    var cloneURL: String
    var mirrorURL: URL?
    var hooksURL: URL
    var svnURL: URL
    var homepage: URL?
    var language: String?
    var forksCount: Int
    var stargazersCount: Int
    var watchersCount: Int
    var size: Int
    var defaultBranch: String
    var openIssuesCount: Int
    var isTemplate: Bool?
    var topics: [String]?
    var hasIssues: Bool
    var hasProjects: Bool
    var hasWiki: Bool
    var hasPages: Bool
    var hasDownloads: Bool
    var archived: Bool
    var disabled: Bool
    var visibility: String?
    var pushedAt: Date?
    var createdAt: Date?
    var updatedAt: Date?
    var allowRebaseMerge: Bool?
    var templateRepository: [String: String]?
    var tempCloneToken: String?
    var allowSquashMerge: Bool?
    var allowAutoMerge: Bool?
    var deleteBranchOnMerge: Bool?
    var allowUpdateBranch: Bool?
    var useSquashPrTitleAsDefault: Bool?
    var allowMergeCommit: Bool?
    var allowForking: Bool?
    var subscribersCount: Int?
    var networkCount: Int?
    var openIssues: Int
    var watchers: Int
    var masterBranch: String?
    var starredAt: String?
    enum CodingKeys: String, CodingKey {
        case id
        case nodeID = "node_id"
        case name
        case fullName = "full_name"
        case license
        case organization
        case forks
        case permissions
        case owner
        case `private`
        case htmlURL = "html_url"
        case description
        case fork
        case url
        case archiveURL = "archive_url"
        case assigneesURL = "assignees_url"
        case blobsURL = "blobs_url"
        case branchesURL = "branches_url"
        case collaboratorsURL = "collaborators_url"
        case commentsURL = "comments_url"
        case commitsURL = "commits_url"
        case compareURL = "compare_url"
        case contentsURL = "contents_url"
        case contributorsURL = "contributors_url"
        case deploymentsURL = "deployments_url"
        case downloadsURL = "downloads_url"
        case eventsURL = "events_url"
        case forksURL = "forks_url"
        case gitCommitsURL = "git_commits_url"
        case gitRefsURL = "git_refs_url"
        case gitTagsURL = "git_tags_url"
        case gitURL = "git_url"
        case issueCommentURL = "issue_comment_url"
        case issueEventsURL = "issue_events_url"
        case issuesURL = "issues_url"
        case keysURL = "keys_url"
        case labelsURL = "labels_url"
        case languagesURL = "languages_url"
        case mergesURL = "merges_url"
        case milestonesURL = "milestones_url"
        case notificationsURL = "notifications_url"
        case pullsURL = "pulls_url"
        case releasesURL = "releases_url"
        case sshURL = "ssh_url"
        case stargazersURL = "stargazers_url"
        case statusesURL = "statuses_url"
        case subscribersURL = "subscribers_url"
        case subscriptionURL = "subscription_url"
        case tagsURL = "tags_url"
        case teamsURL = "teams_url"
        case treesURL = "trees_url"
        case cloneURL = "clone_url"
        case mirrorURL = "mirror_url"
        case hooksURL = "hooks_url"
        case svnURL = "svn_url"
        case homepage
        case language
        case forksCount = "forks_count"
        case stargazersCount = "stargazers_count"
        case watchersCount = "watchers_count"
        case size
        case defaultBranch = "default_branch"
        case openIssuesCount = "open_issues_count"
        case isTemplate = "is_template"
        case topics
        case hasIssues = "has_issues"
        case hasProjects = "has_projects"
        case hasWiki = "has_wiki"
        case hasPages = "has_pages"
        case hasDownloads = "has_downloads"
        case archived
        case disabled
        case visibility
        case pushedAt = "pushed_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case allowRebaseMerge = "allow_rebase_merge"
        case templateRepository = "template_repository"
        case tempCloneToken = "temp_clone_token"
        case allowSquashMerge = "allow_squash_merge"
        case allowAutoMerge = "allow_auto_merge"
        case deleteBranchOnMerge = "delete_branch_on_merge"
        case allowUpdateBranch = "allow_update_branch"
        case useSquashPrTitleAsDefault = "use_squash_pr_title_as_default"
        case allowMergeCommit = "allow_merge_commit"
        case allowForking = "allow_forking"
        case subscribersCount = "subscribers_count"
        case networkCount = "network_count"
        case openIssues = "open_issues"
        case watchers
        case masterBranch = "master_branch"
        case starredAt = "starred_at"
    }
}

func githubCase(example: String) {
    let repositories = payload { index in
        example.replacingOccurrences(of: #""id":1296269,"#, with: #""id":\#(index),"#)
            .replacingOccurrences(of: #""name":"Hello-World","#, with: #""name":"repository-\#(index)","#)
    }
    compare(
        "github repository (struct, 92 props)", repositories, target: 1.2,
        generated: [Repository].self,
        handWritten: [HandRepository].self)
}
