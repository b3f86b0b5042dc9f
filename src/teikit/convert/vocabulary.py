"""Every element name of TEI P5 4.12 (tei_all), so the converter can tell a TEI element it
renders generically from an element that is not TEI at all (which it reports as a loss).

Generated from tei_all.rng (TEI Consortium, CC BY 3.0 / BSD-2-Clause): element names only.
"""

TEI_ELEMENTS: frozenset[str] = frozenset(
    """
    TEI ab abbr abstract accMat acquisition activity actor add addName addSpan additional
    additions addrLine address adminInfo affiliation age alt altGrp altIdent altIdentifier
    alternate am analytic anchor annotation annotationBlock anyElement app appInfo application arc
    argument att attDef attList attRef author authority availability back bibl biblFull biblScope
    biblStruct bicond binary binaryObject binding bindingDesc birth bloc body broadcast byline c
    cRefPattern caesura calendar calendarDesc camera caption case castGroup castItem castList
    catDesc catRef catchwords category cb cell certainty change channel char charDecl choice cit
    citeData citeStructure citedRange cl classCode classDecl classRef classSpec classes climate
    closer code collation collection colloc colophon cond condition constitution constraint
    constraintDecl constraintSpec content conversion corr correction correspAction correspContext
    correspDesc country creation custEvent custodialHist damage damageSpan dataFacet dataRef
    dataSpec datatype date dateline death decoDesc decoNote def default defaultVal del delSpan
    depth derivation desc dictScrap dim dimensions distinct distributor district div div1 div2
    div3 div4 div5 div6 div7 divGen docAuthor docDate docEdition docImprint docTitle domain eLeaf
    eTree edition editionStmt editor editorialDecl education eg egXML elementRef elementSpec
    ellipsis email emph empty encodingDesc entry entryFree epigraph epilogue equipment equiv etym
    event eventName ex exemplum expan explicit extent f fDecl fDescr fLib facsimile factuality
    faith figDesc figure fileDesc filiation finalRubric floatingText floruit foliation foreign
    forename forest form formula front fs fsConstraints fsDecl fsDescr fsdDecl fsdLink funder
    fvLib fw g gap gb gen genName gender geo geoDecl geogFeat geogName gi gloss glyph gram gramGrp
    graph graphic group handDesc handNote handNotes handShift head headItem headLabel height
    heraldry hi history hom hyph hyphenation iNode iType ident idno if iff imprimatur imprint
    incident incipit index institution interaction interleave interp interpGrp interpretation item
    join joinGrp keywords kinesic l label lacunaEnd lacunaStart lang langKnowledge langKnown
    langUsage language layout layoutDesc lb lbl leaf lem lg licence line link linkGrp list
    listAnnotation listApp listBibl listChange listEvent listForest listNym listObject listOrg
    listPerson listPlace listPrefixDef listRef listRelation listTranspose listWit localProp locale
    location locus locusGrp m macroRef macroSpec mapping material measure measureGrp media meeting
    memberOf mentioned metDecl metSym metamark milestone mod model modelGrp modelSequence
    moduleRef moduleSpec monogr mood move msContents msDesc msFrag msIdentifier msItem
    msItemStruct msName msPart musicNotation name nameLink namespace nationality node
    normalization notatedMusic note noteGrp notesStmt num number numeric nym oRef object
    objectDesc objectIdentifier objectName objectType occupation offset opener org orgName orig
    origDate origPlace origin orth outputRendition p pRef param paramList paramSpec particDesc
    path pause pb pc per performance persName persPronouns person personGrp persona phr physDesc
    place placeName population pos post postBox postCode postscript precision prefixDef
    preparedness principal profileDesc projectDesc prologue pron provenance ptr pubPlace
    publicationStmt publisher punctuation purpose q quotation quote rb rdg rdgGrp recordHist
    recording recordingStmt redo ref refState refsDecl reg region relatedItem relation remarks
    rendition repository residence resp respStmt respons restore retrace revisionDesc rhyme role
    roleDesc roleName root row rs rt rubric ruby s said salute samplingDecl schemaRef schemaSpec
    scriptDesc scriptNote scriptStmt seal sealDesc secFol secl seg segmentation sense sequence
    series seriesStmt set setting settingDesc settlement sex shift sic signatures signed soCalled
    socecStatus sound source sourceDesc sourceDoc sp spGrp space span spanGrp speaker specDesc
    specGrp specGrpRef specList sponsor stage stamp standOff state stdVals street stress string
    styleDefDecl subc subst substJoin summary superEntry supplied support supportDesc surface
    surfaceGrp surname surplus surrogates syll symbol table tag tagUsage tagsDecl taxonomy tech
    teiCorpus teiHeader term terrain text textClass textDesc textLang textNode then time timeline
    title titlePage titlePart titleStmt tns trailer trait transcriptionDesc transpose tree
    triangle typeDesc typeNote u unclear undo unicodeProp unihanProp unit unitDecl unitDef usg
    vAlt vColl vDefault vLabel vMerge vNot vRange val valDesc valItem valList variantEncoding view
    vocal w watermark when width wit witDetail witEnd witStart witness writing xenoData xr zone
    """.split()
)
